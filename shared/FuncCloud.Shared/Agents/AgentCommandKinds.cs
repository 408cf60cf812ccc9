namespace FuncCloud.Shared.Agents;

/// <summary>
/// The <see cref="AgentCommand.Kind"/> values: each names one payload record (see
/// <see cref="IAgentCommandPayload.Kind"/>). Strings rather than an enum so that an agent older than the
/// control plane can still read the envelope and answer "unsupported" instead of poisoning the message.
/// </summary>
public static class AgentCommandKinds
{
    public const string Spawn = "spawn";
    public const string Destroy = "destroy";
    public const string Reboot = "reboot";
    public const string PowerOff = "power-off";
    public const string PowerOn = "power-on";
    public const string Pause = "pause";
    public const string Unpause = "unpause";
    public const string Suspend = "suspend";
    public const string Resume = "resume";
    public const string Rebuild = "rebuild";
    public const string Resize = "resize";
    public const string ConfirmResize = "confirm-resize";
    public const string RevertResize = "revert-resize";
    public const string GetConsoleOutput = "get-console-output";
    public const string Snapshot = "snapshot";

    /// <summary>A kick without a reply: the node's network state changed, fetch it now (see <c>NetworkSyncCommand</c>).</summary>
    public const string NetworkSync = "network-sync";
    public const string CreateVolume = "create-volume";
    public const string DeleteVolume = "delete-volume";
    public const string ExtendVolume = "extend-volume";
    public const string CreateVolumeSnapshot = "create-volume-snapshot";
    public const string DeleteVolumeSnapshot = "delete-volume-snapshot";
    public const string ExportVolume = "export-volume";
    public const string UnexportVolume = "unexport-volume";
    public const string AttachVolume = "attach-volume";
    public const string DetachVolume = "detach-volume";
    public const string AttachInterface = "attach-interface";
    public const string DetachInterface = "detach-interface";
    public const string BackupVolume = "backup-volume";
    public const string RestoreVolumeBackup = "restore-volume-backup";
    public const string UploadVolumeToImage = "upload-volume-to-image";
}
