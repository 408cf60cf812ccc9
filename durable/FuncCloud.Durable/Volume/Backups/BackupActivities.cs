using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Shared.Volume.Backups;
using FuncCloud.Shared.Volume.Quotas;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Volume.Backups;

/// <summary>Input of <see cref="SettleBackup"/>: the status to leave a backup in, and what the step measured or why it failed.</summary>
public sealed record SettleBackupInput(string BackupId, string ProjectId, string ExpectedStatus, string Status, int? ObjectCount, string? FailReason, DateTimeOffset At);

/// <summary>Ends a backup step (a compare-and-swap that applies only while the backup is in the step's status).</summary>
public sealed class SettleBackup(BackupRepository backups)
{
    [Function(nameof(SettleBackup))]
    public async Task<bool> RunAsync([ActivityTrigger] SettleBackupInput input, CancellationToken cancellationToken)
    {
        var applied = false;
        await backups.UpdateAsync(input.ProjectId, input.BackupId, b =>
        {
            applied = b.Status == input.ExpectedStatus || b.Status == input.Status;
            return b.Status == input.ExpectedStatus
                ? b with { Status = input.Status, ObjectCount = input.ObjectCount ?? b.ObjectCount, FailReason = input.FailReason ?? b.FailReason, UpdatedAt = input.At }
                : b;
        }, cancellationToken);
        return applied;
    }
}

/// <summary>Removes every blob of a backup (compensation of a failed backup, and the data part of a delete).</summary>
public sealed class DeleteBackupBlobs(VolumeBackupStore store)
{
    [Function(nameof(DeleteBackupBlobs))]
    public Task<int> RunAsync([ActivityTrigger] string blobPrefix, CancellationToken cancellationToken) => store.DeleteAsync(blobPrefix, cancellationToken);
}

/// <summary>Removes a deleted backup's record and releases its quota (only the attempt that removed it releases).</summary>
public sealed class FinishBackupDelete(BackupRepository backups, VolumeQuotaService quotas)
{
    [Function(nameof(FinishBackupDelete))]
    public async Task RunAsync([ActivityTrigger] DeleteBackupInput input, CancellationToken cancellationToken)
    {
        if (await backups.GetAsync(input.ProjectId, input.BackupId, cancellationToken) is { } backup
            && await backups.DeleteAsync(input.ProjectId, input.BackupId, cancellationToken))
        {
            await quotas.ReleaseAsync(input.ProjectId, new VolumeUsage(0, 0, 0, 1, backup.Size), cancellationToken);
        }
    }
}

/// <summary>What <see cref="BeginBackupRestore"/> found.</summary>
public enum BackupRestoreStart
{
    /// <summary>The volume is <c>restoring-backup</c>: go.</summary>
    Ready,

    /// <summary>The new volume is still being created: wait.</summary>
    Waiting,

    /// <summary>The new volume failed or is gone: give up.</summary>
    Failed,
}

/// <summary>
/// For a restore onto a volume the API created: moves it <c>available → restoring-backup</c> once its create
/// workflow has settled it (as cinder's API waits for the new volume before restoring).
/// </summary>
public sealed class BeginBackupRestore(VolumeRepository volumes, TimeProvider clock)
{
    [Function(nameof(BeginBackupRestore))]
    public async Task<BackupRestoreStart> RunAsync([ActivityTrigger] RestoreBackupInput input, CancellationToken cancellationToken)
    {
        var result = BackupRestoreStart.Failed;
        await volumes.UpdateAsync(input.VolumeProjectId, input.VolumeId, v =>
        {
            result = v.Status switch
            {
                VolumeStatus.RestoringBackup => BackupRestoreStart.Ready,
                VolumeStatus.Available => BackupRestoreStart.Ready,
                VolumeStatus.Creating => BackupRestoreStart.Waiting,
                _ => BackupRestoreStart.Failed,
            };
            return v.Status == VolumeStatus.Available ? v with { Status = VolumeStatus.RestoringBackup, UpdatedAt = clock.GetUtcNow() } : v;
        }, cancellationToken);
        return result;
    }
}
