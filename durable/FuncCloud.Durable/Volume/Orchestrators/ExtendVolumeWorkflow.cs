using FuncCloud.Durable.Volume.Activities;
using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Volume.Messages;
using FuncCloud.Shared.Volume.Quotas;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Volume.Orchestrators;

/// <summary>
/// Extends a volume: grow the pool claim, have the storage node grow the volume, then settle the new size back
/// in the status it came from. When the pool has no room, or the node fails (the claim shrinks back), the
/// volume ends <c>error_extending</c> with a user message and the quota reserved for the growth is given back.
/// Instance id: <see cref="VolumeWorkflowIds.Extend"/>.
/// </summary>
public static class ExtendVolumeWorkflow
{
    [Function(nameof(ExtendVolumeWorkflow))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<ExtendVolumeInput>()!;
        string reason;
        if (await context.CallActivityAsync<bool>(nameof(ClaimExtend), input))
        {
            var location = await context.CallActivityAsync<VolumeLocation>(nameof(LocateVolume), new DeleteVolumeInput(input.VolumeId, input.ProjectId, input.RequestId, false));
            var grown = location.Node is { } node
                ? await StorageCalls.RunAsync(context, node, new ExtendVolumeCommand(input.VolumeId, input.NewSizeGb))
                : new StorageCallOutcome(null, $"volume {input.VolumeId} is on no storage node");
            if (grown.Succeeded)
            {
                await context.CallActivityAsync<bool>(nameof(SettleVolume), new SettleVolumeInput(
                    input.VolumeId, input.ProjectId, input.RequestId, VolumeStatus.Extending, input.ReturnStatus, null, input.NewSizeGb, null, null, null, Now(context)));
                return;
            }

            await context.CallActivityAsync<bool>(nameof(ClaimExtend), input with { NewSizeGb = input.OldSizeGb });
            reason = $"extend volume: {grown.Error}";
        }
        else
        {
            reason = $"extend volume: CapacityFilter: the volume's pool has no room to grow from {input.OldSizeGb} GB to {input.NewSizeGb} GB";
        }

        await context.CallActivityAsync<bool>(nameof(SettleVolume), new SettleVolumeInput(
            input.VolumeId, input.ProjectId, input.RequestId, VolumeStatus.Extending, VolumeStatus.ErrorExtending, null, null,
            context.NewGuid().ToString(), VolumeMessageEvents.ExtendVolume, reason, Now(context)));
        await context.CallActivityAsync(nameof(ReleaseVolumeQuota), new ReleaseVolumeQuotaInput(input.ProjectId, new VolumeUsage(0, input.NewSizeGb - input.OldSizeGb, 0, 0, 0)));
    }

    private static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);
}
