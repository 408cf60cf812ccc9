namespace FuncCloud.Shared.Telemetry;

/// <summary>
/// The aggregation methods this store computes from its per-bucket state (count, sum, sum of squares, min, max,
/// first and last point): gnocchi's <c>mean</c>, <c>min</c>, <c>max</c>, <c>sum</c>, <c>std</c>, <c>count</c>,
/// <c>first</c>, <c>last</c>, and the rate (per-point difference) variants <c>rate:mean</c>, <c>rate:sum</c>,
/// <c>rate:count</c>. Percentiles and <c>median</c> need the raw points and are refused.
/// </summary>
public static class AggregationMethods
{
    /// <summary>The rate prefix.</summary>
    public const string RatePrefix = "rate:";

    /// <summary>Every method a policy may name.</summary>
    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal)
    {
        "mean", "min", "max", "sum", "std", "count", "first", "last", "rate:mean", "rate:sum", "rate:count",
    };

    /// <summary>Whether <paramref name="method"/> is computed from differences of consecutive points.</summary>
    public static bool IsRate(string method) => method.StartsWith(RatePrefix, StringComparison.Ordinal);
}
