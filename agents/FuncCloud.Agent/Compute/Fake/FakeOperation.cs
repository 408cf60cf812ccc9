namespace FuncCloud.Agent.Compute.Fake;

/// <summary>The Fake driver's operations, for call counts, latency and failure injection.</summary>
public enum FakeOperation
{
    Spawn,
    Destroy,
    Reboot,
    PowerOff,
    PowerOn,
    Pause,
    Unpause,
    Suspend,
    Resume,
    Rebuild,
    MigrateDiskAndPowerOff,
    FinishMigration,
    ConfirmMigration,
    FinishRevertMigration,
    GetConsoleOutput,
    Snapshot,
    AttachVolume,
    DetachVolume,
    AttachInterface,
    DetachInterface,
}
