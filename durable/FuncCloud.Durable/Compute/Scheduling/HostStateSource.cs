using FuncCloud.Shared.Compute.Nodes;
using FuncCloud.Shared.Compute.Placement;
using Microsoft.Extensions.Options;

namespace FuncCloud.Durable.Compute.Scheduling;

/// <summary>Builds the <see cref="HostState"/>s of a scheduling pass from node records, placement usage and aggregates.</summary>
public sealed class HostStateSource(
    ComputeNodeRepository nodes,
    PlacementService placement,
    IHostAggregateSource aggregates,
    IOptions<PlacementOptions> placementOptions,
    IOptions<ComputeNodeOptions> nodeOptions,
    TimeProvider time)
{
    public async Task<IReadOnlyList<HostState>> GetAsync(CancellationToken cancellationToken)
    {
        var records = await nodes.ListAsync(cancellationToken);
        var usage = await placement.ListUsageAsync(cancellationToken);
        var metadata = await aggregates.GetHostMetadataAsync(cancellationToken);
        var now = time.GetUtcNow();
        var empty = new Dictionary<string, IReadOnlySet<string>>();
        return [.. records.Select(node =>
        {
            var allocations = usage.GetValueOrDefault(node.Name) ?? NodeUsage.Empty(node.Name);
            return new HostState(
                node,
                node.IsUp(now, nodeOptions.Value.DownAfter),
                placementOptions.Value.InventoryOf(node.Resources),
                allocations.Used,
                allocations.Allocations.Keys.Select(k => k.Split(':')[0]).ToHashSet(StringComparer.Ordinal),
                metadata.GetValueOrDefault(node.Name) ?? empty,
                (int)Math.Max(0, (now - node.LastHeartbeatAt).TotalSeconds));
        })];
    }
}
