namespace FuncCloud.Shared.Telemetry;

/// <summary>One raw measure of a metric.</summary>
public sealed record Measure(DateTimeOffset Timestamp, double Value);

/// <summary>One pre-aggregated point of a series: the bucket's start, its width and the method's value.</summary>
public sealed record AggregatedPoint(DateTimeOffset Timestamp, TimeSpan Granularity, double Value);
