namespace FuncCloud.Shared.Volume.Backups;

/// <summary>Cinder's backup statuses.</summary>
public static class BackupStatus
{
    public const string Creating = "creating";
    public const string Available = "available";
    public const string Deleting = "deleting";
    public const string Restoring = "restoring";
    public const string Error = "error";
    public const string ErrorDeleting = "error_deleting";
}

/// <summary>
/// A volume backup as stored (PartitionKey = its project); its bytes are blobs under <see cref="BlobPrefix"/>.
/// <c>Size</c> is the backed-up volume's size in GB (what a restore needs), <c>ObjectCount</c> the blobs written
/// (non-zero chunks plus the manifest), <c>DataTimestamp</c> when the data was taken (the backup's creation, or the snapshot's).
/// </summary>
public sealed record BackupRecord(
    string Id,
    string ProjectId,
    string UserId,
    string VolumeId,
    string? SnapshotId,
    string? Name,
    string? Description,
    string Container,
    int Size,
    int ObjectCount,
    string Status,
    string? FailReason,
    string AvailabilityZone,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset DataTimestamp,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>The blob name prefix of the backup's chunks and manifest.</summary>
    public string BlobPrefix => $"{Container}/{Id}/";
}
