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
/// Folds os-aggregates' documents (<see cref="AggregateStore"/>) per host, as nova's
/// <c>aggregate_metadata_get_by_host</c>: a host in several aggregates gets every value of a key. The fold is
/// kept between passes and redone only when an aggregate's version (ETag) changed, appeared or went away: a
/// pass then reads the aggregates' keys and versions, not their host lists.
/// </summary>
public sealed class AggregateHostMetadataSource(AggregateStore aggregates) : IHostAggregateSource
{
    private Folded? _folded;

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>>> GetHostMetadataAsync(CancellationToken cancellationToken)
    {
        var version = string.Join(',', (await aggregates.ListStampsAsync(cancellationToken)).Select(s => s.Id + "=" + s.ETag).Order(StringComparer.Ordinal));
        if (Volatile.Read(ref _folded) is { } folded && folded.Version == version)
        {
            return folded.ByHost;
        }

        var byHost = Fold(await aggregates.ListAsync(cancellationToken));
        Volatile.Write(ref _folded, new Folded(version, byHost));
        return byHost;
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> Fold(IReadOnlyList<Aggregate> all)
    {
        var byHost = new Dictionary<string, Dictionary<string, HashSet<string>>>(StringComparer.Ordinal);
        foreach (var aggregate in all)
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

    // The fold and the versions it was made from.
    private sealed record Folded(string Version, IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> ByHost);
}
