namespace FuncCloud.Shared.Volume.Volumes;

/// <summary>An attachment of a volume to a server (cinder's attachment record).</summary>
public sealed record VolumeAttachmentRecord(
    string Id,
    string? ServerId,
    string? HostName,
    string? Device,
    string AttachStatus,
    DateTimeOffset AttachedAt);

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
    /// <summary>The attach status cinder derives from the attachments.</summary>
    public string AttachStatus => Attachments.Count > 0 ? "attached" : "detached";
}
