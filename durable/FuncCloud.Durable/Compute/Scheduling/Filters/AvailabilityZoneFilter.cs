namespace FuncCloud.Durable.Compute.Scheduling.Filters;

/// <summary>Hosts of the requested availability zone (the node's zone, or an aggregate's availability_zone).</summary>
public sealed class AvailabilityZoneFilter : IHostFilter
{
    /// <summary>The aggregate metadata key that puts hosts into a zone.</summary>
    public const string AggregateKey = "availability_zone";

    public string Name => nameof(AvailabilityZoneFilter);

    public string? Reject(HostState host, RequestSpec spec)
    {
        if (spec.AvailabilityZone is null)
        {
            return null;
        }

        var zones = host.AggregateMetadata.TryGetValue(AggregateKey, out var fromAggregates) && fromAggregates.Count > 0
            ? fromAggregates
            : new HashSet<string> { host.Node.AvailabilityZone };
        return zones.Contains(spec.AvailabilityZone) ? null : $"{host.Name} is in zone {string.Join(",", zones)}, not {spec.AvailabilityZone}";
    }
}
