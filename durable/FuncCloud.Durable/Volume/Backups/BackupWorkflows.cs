using FuncCloud.Durable.Volume.Activities;
using FuncCloud.Durable.Volume.Orchestrators;
using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Volume.Backups;
using FuncCloud.Shared.Volume.Messages;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Volume.Backups;

/// <summary>
/// Backs a <c>backing-up</c> volume up: the volume's storage node streams its bytes into the backup's blobs, then
/// the backup is settled <c>available</c> (with its object count). When the node fails or does not answer, the
/// blobs written so far are deleted and the backup ends <c>error</c> with the reason in <c>fail_reason</c>. Either
/// way the volume returns to the status it had (available, or in-use for a forced backup).
/// Instance id: <see cref="VolumeWorkflowIds.CreateBackup"/>.
/// </summary>
public static class CreateBackupWorkflow
{
    /// <summary>Streaming a volume to blobs is bounded by the volume size, not by a qemu-img call.</summary>
    public const int TimeoutSeconds = 3600;

    [Function(nameof(CreateBackupWorkflow))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<CreateBackupInput>()!;
        var location = await context.CallActivityAsync<VolumeLocation>(nameof(LocateVolume), new DeleteVolumeInput(input.VolumeId, input.ProjectId, input.RequestId, false));
        var outcome = location.Node is { } node
            ? await StorageCalls.RunAsync(context, node, new BackupVolumeCommand(input.BackupId, input.VolumeId, input.SnapshotId, input.BlobPrefix), TimeoutSeconds)
            : new StorageCallOutcome(null, $"volume {input.VolumeId} is on no storage node");
        if (outcome is { Succeeded: true, Result: { } result })
        {
            var output = result.ReadOutput<VolumeBackupOutput>();
            await context.CallActivityAsync<bool>(nameof(SettleBackup), new SettleBackupInput(
                input.BackupId, input.ProjectId, BackupStatus.Creating, BackupStatus.Available, output.ObjectCount, null, Now(context)));
        }
        else
        {
            await context.CallActivityAsync<int>(nameof(DeleteBackupBlobs), input.BlobPrefix);
            await context.CallActivityAsync<bool>(nameof(SettleBackup), new SettleBackupInput(
                input.BackupId, input.ProjectId, BackupStatus.Creating, BackupStatus.Error, 0, $"backup volume: {outcome.Error}", Now(context)));
        }

        await context.CallActivityAsync<bool>(nameof(SettleVolume), new SettleVolumeInput(
            input.VolumeId, input.ProjectId, input.RequestId, VolumeStatus.BackingUp, input.ReturnStatus, null, null, null, null, null, Now(context)));
    }

    internal static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);
}

/// <summary>
/// Deletes a <c>deleting</c> backup: its blobs (the control plane reaches the container; no node is needed), then
/// its record and quota. Instance id: <see cref="VolumeWorkflowIds.DeleteBackup"/>.
/// </summary>
public static class DeleteBackupWorkflow
{
    [Function(nameof(DeleteBackupWorkflow))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<DeleteBackupInput>()!;
        await context.CallActivityAsync<int>(nameof(DeleteBackupBlobs), input.BlobPrefix);
        await context.CallActivityAsync(nameof(FinishBackupDelete), input);
    }
}

/// <summary>
/// Restores a <c>restoring</c> backup onto a volume: for a volume the API created, waits until its create workflow
/// made it available and moves it to <c>restoring-backup</c>; then the volume's storage node streams the blobs into
/// it. Success: the volume <c>available</c>. Failure: the volume <c>error_restoring</c> with a user message. The
/// backup returns to <c>available</c> in both cases (cinder's behaviour: a failed restore does not harm the backup).
/// Instance id: <see cref="VolumeWorkflowIds.RestoreBackup"/>.
/// </summary>
public static class RestoreBackupWorkflow
{
    /// <summary>How long a new volume may stay <c>creating</c> (from an empty volume: seconds).</summary>
    public static readonly TimeSpan CreateWait = TimeSpan.FromMinutes(15);

    [Function(nameof(RestoreBackupWorkflow))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<RestoreBackupInput>()!;
        if (input.NewVolume && !await WaitForVolumeAsync(context, input))
        {
            await SettleBackupAsync(context, input);
            return;
        }

        var location = await context.CallActivityAsync<VolumeLocation>(nameof(LocateVolume), new DeleteVolumeInput(input.VolumeId, input.VolumeProjectId, input.RequestId, false));
        var outcome = location.Node is { } node
            ? await StorageCalls.RunAsync(context, node, new RestoreVolumeBackupCommand(input.BackupId, input.VolumeId, input.BlobPrefix), CreateBackupWorkflow.TimeoutSeconds)
            : new StorageCallOutcome(null, $"volume {input.VolumeId} is on no storage node");
        await context.CallActivityAsync<bool>(nameof(SettleVolume), outcome.Succeeded
            ? new SettleVolumeInput(input.VolumeId, input.VolumeProjectId, input.RequestId, VolumeStatus.RestoringBackup, VolumeStatus.Available, null, null, null, null, null, CreateBackupWorkflow.Now(context))
            : new SettleVolumeInput(input.VolumeId, input.VolumeProjectId, input.RequestId, VolumeStatus.RestoringBackup, VolumeStatus.ErrorRestoring, null, null,
                context.NewGuid().ToString(), VolumeMessageEvents.RestoreBackup, $"restore backup {input.BackupId}: {outcome.Error}", CreateBackupWorkflow.Now(context)));
        await SettleBackupAsync(context, input);
    }

    private static async Task<bool> WaitForVolumeAsync(TaskOrchestrationContext context, RestoreBackupInput input)
    {
        var deadline = context.CurrentUtcDateTime + CreateWait;
        while (true)
        {
            switch (await context.CallActivityAsync<BackupRestoreStart>(nameof(BeginBackupRestore), input))
            {
                case BackupRestoreStart.Ready:
                    return true;
                case BackupRestoreStart.Failed:
                    return false;
            }

            if (context.CurrentUtcDateTime >= deadline)
            {
                return false;
            }

            await context.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
        }
    }

    private static Task<bool> SettleBackupAsync(TaskOrchestrationContext context, RestoreBackupInput input) =>
        context.CallActivityAsync<bool>(nameof(SettleBackup), new SettleBackupInput(
            input.BackupId, input.ProjectId, BackupStatus.Restoring, BackupStatus.Available, null, null, CreateBackupWorkflow.Now(context)));
}
