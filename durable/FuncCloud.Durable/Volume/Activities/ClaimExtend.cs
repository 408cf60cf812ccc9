using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Shared.Volume.Pools;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Volume.Activities;

/// <summary>Grows an extending volume's claim on its pool to the new size; false when the pool has no room.</summary>
public sealed class ClaimExtend(VolumeRepository volumes, StoragePoolRepository pools)
{
    [Function(nameof(ClaimExtend))]
    public async Task<bool> RunAsync([ActivityTrigger] ExtendVolumeInput input, CancellationToken cancellationToken) =>
        await volumes.GetAsync(input.ProjectId, input.VolumeId, cancellationToken) is { Host: { } pool }
        && await pools.TryClaimAsync(pool, input.VolumeId, input.NewSizeGb, cancellationToken);
}
