using FuncCloud.Shared.Telemetry;

namespace FuncCloud.Functions.Telemetry.Services;

/// <summary>Gnocchi's <c>resample</c>: regroups a series' points into wider buckets with the same method.</summary>
public static class Resampler
{
    /// <summary>The points of <paramref name="points"/> regrouped by <paramref name="every"/>.</summary>
    public static IReadOnlyList<AggregatedPoint> Resample(IReadOnlyList<AggregatedPoint> points, TimeSpan every, string aggregation) =>
        points.GroupBy(p => SeriesMath.BucketIndex(p.Timestamp, every)).OrderBy(g => g.Key).Select(g => new AggregatedPoint(
            SeriesMath.BucketStart(g.Key, every), every, Combine(g.Select(p => p.Value).ToList(), aggregation))).ToList();

    /// <summary>Combines values with a method's reducer (rates and means average, counts and sums add).</summary>
    public static double Combine(IReadOnlyList<double> values, string aggregation) => aggregation switch
    {
        "min" => values.Min(),
        "max" => values.Max(),
        "sum" or "count" or "rate:sum" or "rate:count" => values.Sum(),
        "first" => values[0],
        "last" => values[^1],
        _ => values.Average(),
    };
}
