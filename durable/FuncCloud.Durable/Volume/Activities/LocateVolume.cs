using FuncCloud.Durable.Volume.Workflows;
using FuncCloud.Shared.Volume.Pools;
using FuncCloud.Shared.Volume.Snapshots;
using FuncCloud.Shared.Volume.Volumes;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Volume.Activities;

/// <summary>
/// The storage node a volume lives on (none when it never got a pool, e.g. it failed scheduling) and, for a
/// cascaded delete, its snapshots.
/// </summary>
public sealed class LocateVolume(VolumeRepository volumes, SnapshotRepository snapshots)
{
    [Function(nameof(LocateVolume))]
    public async Task<VolumeLocation> RunAsync([ActivityTrigger] DeleteVolumeInput input, CancellationToken cancellationToken)
    {
        if (await volumes.GetAsync(input.ProjectId, input.VolumeId, cancellationToken) is not { Host: { } pool })
        {
            return new VolumeLocation(null, []);
        }

        IReadOnlyList<string> cascaded = input.Cascade
            ? [.. (await snapshots.ListAsync(input.ProjectId, cancellationToken)).Where(s => s.VolumeId == input.VolumeId).Select(s => s.Id)]
            : [];
        return new VolumeLocation(StoragePoolRecord.NodeOfPool(pool), cascaded);
    }
}

/// <summary>The storage node a snapshot's volume lives on, and that volume's id as the single entry of the list.</summary>
public sealed class LocateSnapshot(VolumeRepository volumes, SnapshotRepository snapshots)
{
    [Function(nameof(LocateSnapshot))]
    public async Task<VolumeLocation> RunAsync([ActivityTrigger] SnapshotWorkflowInput input, CancellationToken cancellationToken)
    {
        if (await snapshots.GetAsync(input.ProjectId, input.SnapshotId, cancellationToken) is not { } snapshot
            || await volumes.GetAsync(input.ProjectId, snapshot.VolumeId, cancellationToken) is not { Host: { } pool })
        {
            return new VolumeLocation(null, []);
        }

        return new VolumeLocation(StoragePoolRecord.NodeOfPool(pool), [snapshot.VolumeId]);
    }
}
