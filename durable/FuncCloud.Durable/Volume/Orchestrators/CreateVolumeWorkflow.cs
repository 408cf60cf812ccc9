using FuncCloud.Durable.Volume.Activities;
using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Volume.Pools;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Durable.Volume.Orchestrators;

/// <summary>
/// Creates a volume: schedule and claim a pool of a live storage node, have that node's agent build it
/// (empty, from a snapshot, a clone, or from an image it downloads and converts), then settle <c>available</c> on
/// the pool. When no pool passes the filters the volume ends <c>error</c> with a user message naming the filter;
/// when the node fails or does not answer, the claim is given back, the node is told to delete whatever it
/// may have built, and the volume ends <c>error</c> with the node's reason; when the volume was moved on
/// meanwhile (an admin reset or a force delete) the claim and the built volume are given back.
/// Instance id: <see cref="VolumeWorkflowIds.CreateVolume"/>.
/// </summary>
public static partial class CreateVolumeWorkflow
{
    [Function(nameof(CreateVolumeWorkflow))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<CreateVolumeInput>()!;
        var logger = context.CreateReplaySafeLogger(nameof(CreateVolumeWorkflow));

        var placement = await context.CallActivityAsync<Scheduling.VolumePlacement>(nameof(ScheduleVolume), input);
        if (placement.Pool is not { } pool)
        {
            LogNoValidBackend(logger, input.VolumeId, placement.Reason);
            await FailAsync(context, input, $"schedule allocate volume: {placement.Reason}");
            return;
        }

        var node = StoragePoolRecord.NodeOfPool(pool);
        var created = await StorageCalls.RunAsync(context, node, new CreateVolumeCommand(
            input.VolumeId, input.SizeGb, input.Format, input.SnapshotId, input.SourceVolumeId, input.ImageId, input.ImageDiskFormat), StorageCalls.CreateTimeoutSeconds);
        if (!created.Succeeded)
        {
            LogNoValidBackend(logger, input.VolumeId, created.Error);
            await StorageCalls.SendAsync(context, node, new DeleteVolumeCommand(input.VolumeId, []));
            await context.CallActivityAsync(nameof(ReleasePoolClaim), new ReleasePoolClaimInput(pool, input.VolumeId));
            await FailAsync(context, input, $"create volume: {created.Error}");
            return;
        }

        var settled = await context.CallActivityAsync<bool>(nameof(SettleVolume), new SettleVolumeInput(
            input.VolumeId, input.ProjectId, input.RequestId, VolumeStatus.Creating, VolumeStatus.Available, pool, null, null, null, null, Now(context)));
        if (!settled)
        {
            await StorageCalls.SendAsync(context, node, new DeleteVolumeCommand(input.VolumeId, []));
            await context.CallActivityAsync(nameof(ReleasePoolClaim), new ReleasePoolClaimInput(pool, input.VolumeId));
        }
    }

    private static Task<bool> FailAsync(TaskOrchestrationContext context, CreateVolumeInput input, string message) =>
        context.CallActivityAsync<bool>(nameof(SettleVolume), new SettleVolumeInput(
            input.VolumeId, input.ProjectId, input.RequestId, VolumeStatus.Creating, VolumeStatus.Error, null, null,
            context.NewGuid().ToString(), null, message, Now(context)));

    private static DateTimeOffset Now(TaskOrchestrationContext context) => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Volume {volumeId}: {reason}")]
    private static partial void LogNoValidBackend(ILogger logger, string volumeId, string? reason);
}
