using FuncCloud.Shared.Agents.Commands;

namespace FuncCloud.Shared.Volume.Volumes;

/// <summary>
/// An attachment of a volume (cinder's attachment record), kept inside its volume's document so the volume's
/// status and its attachments change in one compare-and-swap (one state machine for the attachments API, the
/// legacy actions and nova's <c>os-volume_attachments</c>).
/// </summary>
/// <param name="Id">The attachment id.</param>
/// <param name="ServerId">The instance (nova server) it is for, if any.</param>
/// <param name="HostName">The connector's host (the compute node).</param>
/// <param name="Device">The guest device (mountpoint).</param>
/// <param name="AttachStatus">Its status: <see cref="AttachmentStatus"/>.</param>
/// <param name="AttachedAt">When it completed (null until then).</param>
/// <param name="AttachMode"><c>rw</c>, <c>ro</c> or <c>null</c> (not chosen yet).</param>
/// <param name="ConnectionInfo">The export the storage node made for the connector.</param>
public sealed record VolumeAttachmentRecord(
    string Id,
    string? ServerId,
    string? HostName,
    string? Device,
    string AttachStatus,
    DateTimeOffset? AttachedAt,
    string? AttachMode = null,
    VolumeConnectionInfo? ConnectionInfo = null);

/// <summary>Cinder's attachment statuses (<c>attach_status</c> of an attachment).</summary>
public static class AttachmentStatus
{
    public const string Reserved = "reserved";
    public const string Attaching = "attaching";
    public const string Attached = "attached";
    public const string Detaching = "detaching";
}

/// <summary>A volume as stored (PartitionKey = its project).</summary>
public sealed record VolumeRecord(
    string Id,
    string ProjectId,
    string UserId,
    string? Name,
    string? Description,
    int Size,
    string Status,
    string AvailabilityZone,
    string VolumeTypeId,
    string VolumeTypeName,
    bool Bootable,
    bool ReadOnly,
    IReadOnlyDictionary<string, string> Metadata,
    string? SnapshotId,
    string? SourceVolumeId,
    string? ImageId,
    IReadOnlyDictionary<string, string>? VolumeImageMetadata,
    string? Host,
    IReadOnlyList<VolumeAttachmentRecord> Attachments,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt,
    string? Operation)
{
    /// <summary>True once <c>os-update_readonly_flag</c> set the flag (either way): cinder then shows <c>readonly</c> in the metadata.</summary>
    public bool ReadOnlyFlagSet { get; init; }

    /// <summary>The attach status cinder derives from the attachments.</summary>
    public string AttachStatus => Attachments.Any(a => a.AttachStatus == AttachmentStatus.Attached) ? "attached" : "detached";
}
