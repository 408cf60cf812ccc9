namespace FuncCloud.Shared.Volume.Snapshots;

/// <summary>Cinder's snapshot statuses.</summary>
public static class SnapshotStatus
{
    public const string Creating = "creating";
    public const string Available = "available";
    public const string Deleting = "deleting";
    public const string Error = "error";
    public const string ErrorDeleting = "error_deleting";
}

/// <summary>A volume snapshot as stored (PartitionKey = its project).</summary>
public sealed record SnapshotRecord(
    string Id,
    string ProjectId,
    string UserId,
    string VolumeId,
    string? Name,
    string? Description,
    int Size,
    string Status,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt);
