using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Shared.Telemetry.Samples;
using FuncCloud.Shared.Volume.Pools;
using FuncCloud.Shared.Volume.Quotas;
using FuncCloud.Shared.Volume.Snapshots;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Volume.Activities;

/// <summary>
/// Removes a deleting volume: its snapshots when cascading, its pool claim, the record, and the quota it held.
/// Safe to retry: each step tolerates what an earlier attempt already removed, and quota is released only by
/// the attempt that removed the record.
/// </summary>
public sealed class FinishVolumeDelete(VolumeRepository volumes, SnapshotRepository snapshots, StoragePoolRepository pools, VolumeQuotaService quotas, TimeProvider time, IMeterEmitter? meters = null)
{
    [Function(nameof(FinishVolumeDelete))]
    public async Task RunAsync([ActivityTrigger] DeleteVolumeInput input, CancellationToken cancellationToken)
    {
        if (await volumes.GetAsync(input.ProjectId, input.VolumeId, cancellationToken) is not { } volume)
        {
            return;
        }

        if (input.Cascade)
        {
            foreach (var snapshot in (await snapshots.ListAsync(input.ProjectId, cancellationToken)).Where(s => s.VolumeId == volume.Id))
            {
                if (await snapshots.DeleteAsync(input.ProjectId, snapshot.Id, cancellationToken))
                {
                    await quotas.ReleaseAsync(input.ProjectId, new VolumeUsage(0, snapshot.Size, 1, 0, 0), cancellationToken);
                }
            }
        }

        if (volume.Host is { } pool)
        {
            await pools.ReleaseAsync(pool, volume.Id, cancellationToken);
        }

        if (await volumes.DeleteAsync(input.ProjectId, input.VolumeId, cancellationToken))
        {
            await quotas.ReleaseAsync(input.ProjectId, new VolumeUsage(1, volume.Size, 0, 0, 0), cancellationToken);
            if (meters is not null)
            {
                var now = time.GetUtcNow();
                await meters.EmitAsync([VolumeMeters.Size(volume, now, endedAt: now)], cancellationToken);
            }
        }
    }
}
