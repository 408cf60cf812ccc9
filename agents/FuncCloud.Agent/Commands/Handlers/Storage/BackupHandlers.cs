using FuncCloud.Agent.Storage;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Volume.Backups;

namespace FuncCloud.Agent.Commands.Handlers.Storage;

/// <summary>
/// Backs a volume (or a snapshot) up: the driver's raw bytes are streamed chunk by chunk into the backup's blobs
/// (all-zero chunks skipped), the manifest last. A redelivery rewrites the same blobs.
/// </summary>
public sealed class BackupVolumeHandler(VolumeBackupStore backups) : VolumeCommandHandler<BackupVolumeCommand>
{
    protected override async Task<object> ExecuteAsync(BackupVolumeCommand payload, IVolumeDriver driver, CommandExecution execution, CancellationToken cancellationToken)
    {
        execution.Step = "volume_driver.open_raw";
        await using var raw = await driver.OpenRawAsync(payload.SnapshotId ?? payload.VolumeId, payload.SnapshotId is not null, cancellationToken);
        execution.Step = "backup_store.write";
        var digest = await backups.WriteAsync(payload.BlobPrefix, raw, cancellationToken);
        return new VolumeBackupOutput(payload.BackupId, digest.SizeBytes, digest.ObjectCount, digest.StoredBytes);
    }
}

/// <summary>Restores a backup onto a volume: the blobs stream into the driver's raw target, which then replaces the volume.</summary>
public sealed class RestoreVolumeBackupHandler(VolumeBackupStore backups) : VolumeCommandHandler<RestoreVolumeBackupCommand>
{
    protected override async Task<object> ExecuteAsync(RestoreVolumeBackupCommand payload, IVolumeDriver driver, CommandExecution execution, CancellationToken cancellationToken)
    {
        execution.Step = "backup_store.manifest";
        var manifest = await backups.ManifestAsync(payload.BlobPrefix, cancellationToken);
        execution.Step = "volume_driver.get_size";
        var size = await driver.GetVolumeSizeBytesAsync(payload.VolumeId, cancellationToken);
        if (size < manifest.SizeBytes)
        {
            throw new VolumeDriverException($"Volume {payload.VolumeId} ({size} bytes) is smaller than backup {payload.BackupId} ({manifest.SizeBytes} bytes).");
        }

        execution.Step = "volume_driver.restore_backup";
        await driver.RestoreRawAsync(payload.VolumeId, (target, ct) => backups.RestoreAsync(payload.BlobPrefix, target, ct), cancellationToken);
        return await SizeOutputAsync(driver, execution, payload.VolumeId, cancellationToken);
    }
}
