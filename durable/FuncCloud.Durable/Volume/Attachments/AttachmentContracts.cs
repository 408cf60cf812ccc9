namespace FuncCloud.Durable.Volume.Attachments;

/// <summary>Instance ids of the attach/detach workflows: the volume, the operation and the API request.</summary>
public static class AttachmentWorkflowIds
{
    public static string Attach(string volumeId, string requestId) => $"{volumeId}:attach:{requestId}";

    public static string Detach(string volumeId, string requestId) => $"{volumeId}:detach:{requestId}";

    public static string Export(string attachmentId, string requestId) => $"{attachmentId}:export:{requestId}";

    public static string Unexport(string attachmentId) => $"{attachmentId}:unexport";
}

/// <summary>Input of the attach and detach workflows.</summary>
/// <param name="ServerId">The server.</param>
/// <param name="VolumeId">The volume.</param>
/// <param name="VolumeProjectId">The volume's project (its partition).</param>
/// <param name="Device">The guest device the API reserved.</param>
/// <param name="ComputeNode">The server's node.</param>
/// <param name="StorageNode">The volume's storage node.</param>
/// <param name="AttachmentId">The cinder attachment id the volume records.</param>
public sealed record VolumeAttachmentInput(string ServerId, string VolumeId, string VolumeProjectId, string Device, string ComputeNode, string StorageNode, string AttachmentId);

/// <summary>Input of <see cref="SettleAttachment"/>: the outcome to record on the volume and the server.</summary>
public sealed record SettleAttachmentInput(VolumeAttachmentInput Attachment, bool Attach, bool Succeeded, DateTimeOffset At);

/// <summary>Input of <see cref="ExportAttachmentWorkflow"/>: the attachment and the connector it is exported to.</summary>
/// <param name="AttachmentId">The cinder attachment.</param>
/// <param name="VolumeId">Its volume.</param>
/// <param name="ProjectId">The volume's project (its partition).</param>
/// <param name="StorageNode">The volume's storage node.</param>
/// <param name="ConnectorHost">The connector's <c>host</c> (a compute node name).</param>
/// <param name="Mountpoint">The connector's <c>mountpoint</c>, if given.</param>
/// <param name="Mode">The attach mode to record (<c>rw</c> or <c>ro</c>).</param>
public sealed record ExportAttachmentInput(string AttachmentId, string VolumeId, string ProjectId, string StorageNode, string ConnectorHost, string? Mountpoint, string Mode);

/// <summary>Input of <see cref="SettleAttachmentExport"/>.</summary>
public sealed record SettleAttachmentExportInput(ExportAttachmentInput Attachment, FuncCloud.Shared.Agents.Commands.VolumeConnectionInfo Connection, DateTimeOffset At);

/// <summary>The outcome of <see cref="ExportAttachmentWorkflow"/>: the connection info, or why there is none.</summary>
public sealed record AttachmentExportOutcome(FuncCloud.Shared.Agents.Commands.VolumeConnectionInfo? Connection, string? Error);

/// <summary>Input of <see cref="UnexportAttachmentWorkflow"/>.</summary>
public sealed record UnexportAttachmentInput(string VolumeId, string StorageNode);
