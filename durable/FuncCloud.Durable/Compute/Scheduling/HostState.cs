using FuncCloud.Shared.Compute.Nodes;
using FuncCloud.Shared.Compute.Placement;

namespace FuncCloud.Durable.Compute.Scheduling;

/// <summary>A node as the filters and weighers see it (nova's HostState).</summary>
/// <param name="Node">The registration.</param>
/// <param name="IsUp">Heartbeat fresh.</param>
/// <param name="Inventory">What placement may allocate in total.</param>
/// <param name="Used">What is allocated.</param>
/// <param name="Servers">The servers holding allocations on it.</param>
/// <param name="AggregateMetadata">Metadata of the aggregates the node belongs to (key → values).</param>
/// <param name="SecondsSinceHeartbeat">For the messages of ComputeFilter.</param>
public sealed record HostState(
    ComputeNodeRecord Node,
    bool IsUp,
    NodeInventory Inventory,
    ResourceAmounts Used,
    IReadOnlySet<string> Servers,
    IReadOnlyDictionary<string, IReadOnlySet<string>> AggregateMetadata,
    int SecondsSinceHeartbeat)
{
    public string Name => Node.Name;

    /// <summary>The zone the host is in: an aggregate's <c>availability_zone</c> overrides the agent's own (nova's rule).</summary>
    public string AvailabilityZone =>
        AggregateMetadata.TryGetValue(Filters.AvailabilityZoneFilter.AggregateKey, out var zones) && zones.Count > 0
            ? zones.Order(StringComparer.Ordinal).First()
            : Node.AvailabilityZone;

    public ResourceAmounts Free => Inventory.Free(Used);
}
