namespace FuncCloud.Durable.Compute.Scheduling;

/// <summary>
/// The metadata of the host aggregates each node belongs to (os-aggregates, owned by the Nova API surface):
/// node → key → values. Used by the availability zone and aggregate extra-specs filters.
/// </summary>
public interface IHostAggregateSource
{
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>>> GetHostMetadataAsync(CancellationToken cancellationToken);
}

/// <summary>No aggregates (until os-aggregates is wired in).</summary>
public sealed class NoHostAggregates : IHostAggregateSource
{
    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>>> GetHostMetadataAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>>>(
            new Dictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>>());
}
