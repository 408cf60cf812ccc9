using FuncCloud.Shared.Compute.Nodes;
using FuncCloud.Shared.Volume.Pools;
using Microsoft.Extensions.Options;

namespace FuncCloud.Durable.Volume.Scheduling;

/// <summary>
/// Cinder's filter scheduler for volumes: AvailabilityZoneFilter, CapabilitiesFilter (the type's
/// <c>volume_backend_name</c>), the source pool for clones, then CapacityFilter; weighs by free capacity and
/// claims on the best pool by compare-and-swap, falling to the next pool when a concurrent claim took the room.
/// When nothing passes, the reason names the filter that removed the last pools (like nova's NoValidHost).
/// Only pools of live storage nodes are candidates: a pool is live while its node's heartbeat (which carries the
/// pool report) is younger than <see cref="ComputeNodeOptions.DownAfter"/>, as cinder skips down volume services.
/// </summary>
public sealed class VolumeScheduler(StoragePoolRepository pools, IOptions<ComputeNodeOptions> nodeOptions, TimeProvider clock)
{
    /// <summary>The fault prefix cinder's NoValidBackend carries.</summary>
    public const string NoValidBackend = "No valid backend was found.";

    /// <summary>Places and claims <paramref name="spec"/> for <paramref name="consumerId"/>.</summary>
    public async Task<VolumePlacement> PlaceAsync(string consumerId, VolumeRequestSpec spec, CancellationToken cancellationToken)
    {
        for (var round = 0; round < 10; round++)
        {
            var registered = await pools.ListAsync(cancellationToken);
            if (registered.FirstOrDefault(p => p.Claims.ContainsKey(consumerId)) is { } already)
            {
                return new VolumePlacement(already.Name, null); // a retried activity: the claim is made
            }

            var downAfter = nodeOptions.Value.DownAfter;
            var now = clock.GetUtcNow();
            var candidates = registered.Where(p => p.Node is not null && now - p.UpdatedAt <= downAfter).ToList();
            if (candidates.Count == 0 && registered.Count > 0)
            {
                return new VolumePlacement(null, $"{NoValidBackend} StorageNodeFilter: none of the {registered.Count} registered pool(s) was reported by a storage node within {downAfter.TotalSeconds:0} s");
            }

            var (passed, reason) = Filter(candidates, spec);
            if (passed.Count == 0)
            {
                return new VolumePlacement(null, $"{NoValidBackend} {reason}");
            }

            foreach (var pool in passed.OrderByDescending(p => p.FreeGb).ThenBy(p => p.Name, StringComparer.Ordinal))
            {
                if (await pools.TryClaimAsync(pool.Name, consumerId, spec.SizeGb, cancellationToken))
                {
                    return new VolumePlacement(pool.Name, null);
                }
            }
        }

        return new VolumePlacement(null, $"{NoValidBackend} CapacityFilter: every pool filled up under concurrent claims for {spec.SizeGb} GB");
    }

    /// <summary>The pools passing every filter, or the reason of the filter that left none.</summary>
    public static (IReadOnlyList<StoragePoolRecord> Passed, string? Reason) Filter(IReadOnlyList<StoragePoolRecord> candidates, VolumeRequestSpec spec)
    {
        if (candidates.Count == 0)
        {
            return ([], "No storage pools are registered");
        }

        var left = candidates.Where(p => string.Equals(p.AvailabilityZone, spec.AvailabilityZone, StringComparison.Ordinal)).ToList();
        if (left.Count == 0)
        {
            return ([], $"AvailabilityZoneFilter: no pool in availability zone '{spec.AvailabilityZone}'");
        }

        if (spec.BackendName is { } backend)
        {
            left = left.Where(p => string.Equals(p.BackendName, backend, StringComparison.Ordinal)).ToList();
            if (left.Count == 0)
            {
                return ([], $"CapabilitiesFilter: no pool with volume_backend_name '{backend}'");
            }
        }

        if (spec.SameHost is { } host)
        {
            left = left.Where(p => string.Equals(p.Name, host, StringComparison.Ordinal)).ToList();
            if (left.Count == 0)
            {
                return ([], $"SourcePoolFilter: the source lives on pool '{host}', which does not pass the other filters");
            }
        }

        var best = left.Max(p => p.FreeGb);
        left = left.Where(p => p.FreeGb >= spec.SizeGb).ToList();
        return left.Count == 0
            ? ([], $"CapacityFilter: needs {spec.SizeGb} GB, best pool has {best} GB free")
            : (left, null);
    }
}
