namespace FuncCloud.Durable.Volume.Workflows;

/// <summary>
/// Durable instance ids of the block storage workflows: the resource id plus the operation, so a retried API
/// call maps onto the same instance and never runs twice.
/// </summary>
public static class VolumeWorkflowIds
{
    public static string CreateVolume(string volumeId) => $"{volumeId}:create-volume";

    public static string DeleteVolume(string volumeId) => $"{volumeId}:delete-volume";

    public static string CreateSnapshot(string snapshotId) => $"{snapshotId}:create-snapshot";

    public static string DeleteSnapshot(string snapshotId) => $"{snapshotId}:delete-snapshot";

    public static string Extend(string volumeId, string requestId) => $"{volumeId}:extend:{requestId}";

    public static string CreateBackup(string backupId) => $"{backupId}:create-backup";

    public static string DeleteBackup(string backupId) => $"{backupId}:delete-backup";

    public static string RestoreBackup(string backupId, string volumeId) => $"{backupId}:restore:{volumeId}";
}

/// <summary>Input of <c>CreateVolumeWorkflow</c>: where to place it and what the storage node builds it from.</summary>
public sealed record CreateVolumeInput(
    string VolumeId,
    string ProjectId,
    string RequestId,
    int SizeGb,
    string AvailabilityZone,
    string VolumeTypeName,
    string? BackendName,
    string? SourceHost,
    string? SnapshotId = null,
    string? SourceVolumeId = null,
    string? ImageId = null,
    string? ImageDiskFormat = null,
    string Format = "qcow2");

/// <summary>Where a volume (or a snapshot's volume) lives: its storage node, and the snapshots a cascade deletes with it.</summary>
public sealed record VolumeLocation(string? Node, IReadOnlyList<string> SnapshotIds);

/// <summary>Input of <c>DeleteVolumeWorkflow</c>.</summary>
public sealed record DeleteVolumeInput(string VolumeId, string ProjectId, string RequestId, bool Cascade);

/// <summary>Input of the snapshot workflows.</summary>
public sealed record SnapshotWorkflowInput(string SnapshotId, string ProjectId, string RequestId);

/// <summary>Input of <c>ExtendVolumeWorkflow</c>: the size to grow to and the status to return to.</summary>
public sealed record ExtendVolumeInput(string VolumeId, string ProjectId, string RequestId, int OldSizeGb, int NewSizeGb, string ReturnStatus);

/// <summary>
/// Input of <c>CreateBackupWorkflow</c>: the volume (and snapshot) to read, where the blobs go, and the status the
/// volume returns to from <c>backing-up</c>.
/// </summary>
public sealed record CreateBackupInput(string BackupId, string ProjectId, string RequestId, string VolumeId, string? SnapshotId, string BlobPrefix, string ReturnStatus);

/// <summary>Input of <c>DeleteBackupWorkflow</c>.</summary>
public sealed record DeleteBackupInput(string BackupId, string ProjectId, string RequestId, string BlobPrefix);

/// <summary>
/// Input of <c>RestoreBackupWorkflow</c>: the backup and the volume it overwrites (in <paramref name="VolumeProjectId"/>);
/// <paramref name="NewVolume"/> when the API created it for the restore (the workflow waits for it to be available).
/// </summary>
public sealed record RestoreBackupInput(string BackupId, string ProjectId, string RequestId, string BlobPrefix, string VolumeId, string VolumeProjectId, bool NewVolume);
