using FuncCloud.Shared.Compute.Aggregates;

namespace FuncCloud.Durable.Compute.Scheduling;

/// <summary>
/// The metadata of the host aggregates each node belongs to (os-aggregates, owned by the Nova API surface):
/// node → key → values. Used by the availability zone and aggregate extra-specs filters.
/// </summary>
public interface IHostAggregateSource
{
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>>> GetHostMetadataAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Reads os-aggregates' documents (<see cref="AggregateStore"/>) once per scheduling pass and folds them per
/// host, as nova's <c>aggregate_metadata_get_by_host</c>: a host in several aggregates gets every value of a key.
/// </summary>
public sealed class AggregateHostMetadataSource(AggregateStore aggregates) : IHostAggregateSource
{
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>>> GetHostMetadataAsync(CancellationToken cancellationToken)
    {
        var byHost = new Dictionary<string, Dictionary<string, HashSet<string>>>(StringComparer.Ordinal);
        foreach (var aggregate in await aggregates.ListAsync(cancellationToken))
        {
            foreach (var host in aggregate.Hosts)
            {
                var metadata = byHost.TryGetValue(host, out var existing) ? existing : byHost[host] = new(StringComparer.Ordinal);
                foreach (var (key, value) in aggregate.Metadata)
                {
                    (metadata.TryGetValue(key, out var values) ? values : metadata[key] = new(StringComparer.Ordinal)).Add(value);
                }
            }
        }

        return byHost.ToDictionary(
            h => h.Key,
            h => (IReadOnlyDictionary<string, IReadOnlySet<string>>)h.Value.ToDictionary(m => m.Key, m => (IReadOnlySet<string>)m.Value, StringComparer.Ordinal),
            StringComparer.Ordinal);
    }
}
