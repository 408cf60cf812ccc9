using FuncCloud.Durable.Volume.Activities;
using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Volume.Messages;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Volume.Orchestrators;

/// <summary>
/// Deletes a <c>deleting</c> volume: its storage node deletes the volume, its export and (cascade) its
/// snapshots, then the records, the pool claim and the quota go. When the node fails, the volume ends
/// <c>error_deleting</c> with the node's reason and keeps its records (cinder's behaviour: delete again).
/// Instance id: <see cref="VolumeWorkflowIds.DeleteVolume"/>.
/// </summary>
public static class DeleteVolumeWorkflow
{
    [Function(nameof(DeleteVolumeWorkflow))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<DeleteVolumeInput>()!;
        var location = await context.CallActivityAsync<VolumeLocation>(nameof(LocateVolume), input);
        if (location.Node is { } node)
        {
            var deleted = await StorageCalls.RunAsync(context, node, new DeleteVolumeCommand(input.VolumeId, location.SnapshotIds));
            if (!deleted.Succeeded)
            {
                var now = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
                await context.CallActivityAsync<bool>(nameof(SettleVolume), new SettleVolumeInput(
                    input.VolumeId, input.ProjectId, input.RequestId, VolumeStatus.Deleting, VolumeStatus.ErrorDeleting, null, null,
                    context.NewGuid().ToString(), VolumeMessageEvents.DeleteVolume, $"delete volume: {deleted.Error}", now));
                return;
            }
        }

        await context.CallActivityAsync(nameof(FinishVolumeDelete), input);
    }
}
