using FuncCloud.Durable.Volume.Activities;
using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Volume.Snapshots;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Volume.Orchestrators;

/// <summary>
/// Creates a snapshot on its volume's storage node, then settles it <c>available</c>; when the node fails (or the
/// volume is on no node) the snapshot ends <c>error</c> and the node is told to drop any partial copy.
/// Instance id: <see cref="VolumeWorkflowIds.CreateSnapshot"/>.
/// </summary>
public static class CreateSnapshotWorkflow
{
    [Function(nameof(CreateSnapshotWorkflow))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<SnapshotWorkflowInput>()!;
        var location = await context.CallActivityAsync<VolumeLocation>(nameof(LocateSnapshot), input);
        var status = SnapshotStatus.Error;
        if (location is { Node: { } node, SnapshotIds: [var volumeId] })
        {
            var made = await StorageCalls.RunAsync(context, node, new CreateVolumeSnapshotCommand(input.SnapshotId, volumeId));
            if (made.Succeeded)
            {
                status = SnapshotStatus.Available;
            }
            else
            {
                await StorageCalls.SendAsync(context, node, new DeleteVolumeSnapshotCommand(input.SnapshotId));
            }
        }

        await context.CallActivityAsync<bool>(nameof(SettleSnapshot), new SettleSnapshotInput(
            input.SnapshotId, input.ProjectId, SnapshotStatus.Creating, status, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)));
    }
}

/// <summary>
/// Deletes a <c>deleting</c> snapshot on its volume's storage node, then its record and quota; when the node
/// fails the snapshot ends <c>error_deleting</c>. Instance id: <see cref="VolumeWorkflowIds.DeleteSnapshot"/>.
/// </summary>
public static class DeleteSnapshotWorkflow
{
    [Function(nameof(DeleteSnapshotWorkflow))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<SnapshotWorkflowInput>()!;
        var location = await context.CallActivityAsync<VolumeLocation>(nameof(LocateSnapshot), input);
        if (location.Node is { } node && !(await StorageCalls.RunAsync(context, node, new DeleteVolumeSnapshotCommand(input.SnapshotId))).Succeeded)
        {
            await context.CallActivityAsync<bool>(nameof(SettleSnapshot), new SettleSnapshotInput(
                input.SnapshotId, input.ProjectId, SnapshotStatus.Deleting, SnapshotStatus.ErrorDeleting, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)));
            return;
        }

        await context.CallActivityAsync(nameof(FinishSnapshotDelete), input);
    }
}
