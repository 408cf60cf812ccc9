namespace FuncCloud.Shared.Volume.Volumes;

/// <summary>The volume operations whose start depends on the status.</summary>
public enum VolumeOperation
{
    Delete,
    ForceDelete,
    Extend,
    ExtendAttached,
    Snapshot,
    SnapshotForce,
    Clone,
    Reserve,
    Unreserve,
    Attach,
    BeginDetaching,
    RollDetaching,
    Detach,
    Update,
    Backup,
    BackupForce,
    RestoreBackup,
}

/// <summary>
/// The one transition table of cinder's volume state machine: which statuses an operation may start from,
/// and the status it moves the volume to while it runs (the workflow then settles it).
/// </summary>
public static class VolumeTransitions
{
    private static readonly Dictionary<VolumeOperation, (string[] From, string? To)> Table = new()
    {
        [VolumeOperation.Delete] = ([VolumeStatus.Available, VolumeStatus.Error, VolumeStatus.ErrorRestoring, VolumeStatus.ErrorExtending, VolumeStatus.ErrorDeleting], VolumeStatus.Deleting),
        [VolumeOperation.ForceDelete] = ([.. VolumeStatus.All.Except([VolumeStatus.InUse, VolumeStatus.Attaching, VolumeStatus.Detaching])], VolumeStatus.Deleting),
        [VolumeOperation.Extend] = ([VolumeStatus.Available], VolumeStatus.Extending),
        [VolumeOperation.ExtendAttached] = ([VolumeStatus.Available, VolumeStatus.InUse], VolumeStatus.Extending),
        [VolumeOperation.Snapshot] = ([VolumeStatus.Available], null),
        [VolumeOperation.SnapshotForce] = ([VolumeStatus.Available, VolumeStatus.InUse], null),
        [VolumeOperation.Clone] = ([VolumeStatus.Available, VolumeStatus.InUse], null),
        [VolumeOperation.Reserve] = ([VolumeStatus.Available, VolumeStatus.InUse], VolumeStatus.Attaching),
        [VolumeOperation.Unreserve] = ([VolumeStatus.Attaching, VolumeStatus.Reserved], VolumeStatus.Available),
        [VolumeOperation.Attach] = ([VolumeStatus.Available, VolumeStatus.Attaching, VolumeStatus.Reserved, VolumeStatus.InUse], VolumeStatus.InUse),
        [VolumeOperation.BeginDetaching] = ([VolumeStatus.InUse], VolumeStatus.Detaching),
        [VolumeOperation.RollDetaching] = ([VolumeStatus.Detaching], VolumeStatus.InUse),
        [VolumeOperation.Detach] = ([VolumeStatus.InUse, VolumeStatus.Detaching], VolumeStatus.Available),
        [VolumeOperation.Update] = ([.. VolumeStatus.All], null),
        [VolumeOperation.Backup] = ([VolumeStatus.Available], VolumeStatus.BackingUp),
        [VolumeOperation.BackupForce] = ([VolumeStatus.Available, VolumeStatus.InUse], VolumeStatus.BackingUp),
        [VolumeOperation.RestoreBackup] = ([VolumeStatus.Available], VolumeStatus.RestoringBackup),
    };

    /// <summary>True when <paramref name="operation"/> may start from <paramref name="status"/>.</summary>
    public static bool Allows(VolumeOperation operation, string status) => Table[operation].From.Contains(status, StringComparer.Ordinal);

    /// <summary>The status the volume takes while <paramref name="operation"/> runs (null: unchanged).</summary>
    public static string? During(VolumeOperation operation) => Table[operation].To;

    /// <summary>The statuses <paramref name="operation"/> may start from, for messages.</summary>
    public static string Expected(VolumeOperation operation) => string.Join(", ", Table[operation].From.Order(StringComparer.Ordinal));
}
