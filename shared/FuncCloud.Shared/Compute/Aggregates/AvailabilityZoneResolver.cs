using FuncCloud.Shared.Compute.Api;

namespace FuncCloud.Shared.Compute.Aggregates;

/// <summary>A compute node with the availability zone it is in.</summary>
public sealed record ZonedNode(ComputeNodeView Node, string Zone);

/// <summary>
/// Availability zones as nova derives them: a host is in the zone of the aggregate carrying an
/// <c>availability_zone</c> metadata key; otherwise in the zone its agent declared; otherwise in
/// <see cref="DefaultZone"/> (nova's <c>default_availability_zone</c>). The compute core can use
/// <see cref="ListAsync"/> to honour a zone requested at boot.
/// </summary>
public sealed class AvailabilityZoneResolver(AggregateStore aggregates, IComputeNodeReader nodes)
{
    /// <summary>nova's default zone name.</summary>
    public const string DefaultZone = "nova";

    /// <summary>Every node with its zone.</summary>
    public async Task<IReadOnlyList<ZonedNode>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await aggregates.ListAsync(cancellationToken);
        return (await nodes.ListAsync(cancellationToken)).Select(n => new ZonedNode(n, ZoneOf(n, all))).ToList();
    }

    private static string ZoneOf(ComputeNodeView node, IReadOnlyList<Aggregate> aggregates) =>
        aggregates.Where(a => a.AvailabilityZone is not null && a.Hosts.Contains(node.Name, StringComparer.Ordinal)).Select(a => a.AvailabilityZone).FirstOrDefault()
        ?? (string.IsNullOrEmpty(node.AvailabilityZone) ? DefaultZone : node.AvailabilityZone);
}
