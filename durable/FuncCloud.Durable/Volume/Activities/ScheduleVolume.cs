using FuncCloud.Durable.Volume.Scheduling;
using FuncCloud.Durable.Volume.Workflows;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Volume.Activities;

/// <summary>Filters the pools and claims the volume's size on the best one (idempotent: a retry finds its claim).</summary>
public sealed class ScheduleVolume(VolumeScheduler scheduler)
{
    [Function(nameof(ScheduleVolume))]
    public Task<VolumePlacement> RunAsync([ActivityTrigger] CreateVolumeInput input, CancellationToken cancellationToken) =>
        scheduler.PlaceAsync(input.VolumeId, new VolumeRequestSpec(input.SizeGb, input.AvailabilityZone, input.BackendName, input.SourceHost), cancellationToken);
}
