using FuncCloud.Durable.Volume.Activities;
using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Durable.Volume.Orchestrators;

/// <summary>
/// Creates a volume: schedule and claim a pool, then settle <c>available</c> on it. When no pool passes the
/// filters the volume ends <c>error</c> with a user message naming the filter; when the volume was moved on
/// meanwhile (an admin reset or a force delete) the claim is given back. Instance id: <see cref="VolumeWorkflowIds.CreateVolume"/>.
/// </summary>
public static partial class CreateVolumeWorkflow
{
    [Function(nameof(CreateVolumeWorkflow))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<CreateVolumeInput>()!;
        var logger = context.CreateReplaySafeLogger(nameof(CreateVolumeWorkflow));
        var now = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);

        var placement = await context.CallActivityAsync<Scheduling.VolumePlacement>(nameof(ScheduleVolume), input);
        if (placement.Pool is not { } pool)
        {
            LogNoValidBackend(logger, input.VolumeId, placement.Reason);
            await context.CallActivityAsync<bool>(nameof(SettleVolume), new SettleVolumeInput(
                input.VolumeId, input.ProjectId, input.RequestId, VolumeStatus.Creating, VolumeStatus.Error, null, null,
                context.NewGuid().ToString(), null, $"schedule allocate volume: {placement.Reason}", now));
            return;
        }

        var settled = await context.CallActivityAsync<bool>(nameof(SettleVolume), new SettleVolumeInput(
            input.VolumeId, input.ProjectId, input.RequestId, VolumeStatus.Creating, VolumeStatus.Available, pool, null, null, null, null, now));
        if (!settled)
        {
            await context.CallActivityAsync(nameof(ReleasePoolClaim), new ReleasePoolClaimInput(pool, input.VolumeId));
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Volume {volumeId}: {reason}")]
    private static partial void LogNoValidBackend(ILogger logger, string volumeId, string? reason);
}
