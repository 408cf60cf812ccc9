namespace FuncCloud.Durable.Volume.Attachments;

/// <summary>Instance ids of the attach/detach workflows: the volume, the operation and the API request.</summary>
public static class AttachmentWorkflowIds
{
    public static string Attach(string volumeId, string requestId) => $"{volumeId}:attach:{requestId}";

    public static string Detach(string volumeId, string requestId) => $"{volumeId}:detach:{requestId}";
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
