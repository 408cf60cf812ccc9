namespace FuncCloud.Shared.Telemetry.Storage;

/// <summary>
/// The read side of the measures store, for the API and for in-process evaluators (alarms): every read touches
/// only the requested series' pre-aggregated splits, never raw samples.
/// </summary>
public interface IMeasureReader
{
    /// <summary>The points of one series, by granularity (coarsest first) then time.</summary>
    /// <exception cref="UnknownGranularityException">The granularity is not one of the policy's.</exception>
    /// <exception cref="UnknownAggregationException">The policy does not keep the aggregation method.</exception>
    Task<IReadOnlyList<AggregatedPoint>> GetAsync(SeriesQuery query, CancellationToken cancellationToken);
}

/// <summary>A query names a granularity its archive policy does not have.</summary>
public sealed class UnknownGranularityException(TimeSpan granularity)
    : Exception($"Granularity '{granularity.TotalSeconds}' for metric does not exist")
{
    /// <summary>The granularity asked for.</summary>
    public TimeSpan Granularity { get; } = granularity;
}

/// <summary>A query names an aggregation method its archive policy does not keep.</summary>
public sealed class UnknownAggregationException(string aggregation)
    : Exception($"Aggregation method '{aggregation}' for metric does not exist")
{
    /// <summary>The method asked for.</summary>
    public string Aggregation { get; } = aggregation;
}
