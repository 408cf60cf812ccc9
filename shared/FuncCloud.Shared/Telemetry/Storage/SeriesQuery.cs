namespace FuncCloud.Shared.Telemetry.Storage;

/// <summary>
/// A read of one metric's pre-aggregated series: <paramref name="Aggregation"/> at <paramref name="Granularity"/>
/// (every granularity of the policy, coarsest first, when null), buckets starting in [<paramref name="Start"/>,
/// <paramref name="Stop"/>).
/// </summary>
public sealed record SeriesQuery(
    string MetricId, ArchivePolicy Policy, string Aggregation, TimeSpan? Granularity = null, DateTimeOffset? Start = null, DateTimeOffset? Stop = null);
