namespace FuncCloud.Functions.Telemetry.Collection;

/// <summary>The samples ingest, bound from <c>FuncCloud:Telemetry:Collection</c>.</summary>
public sealed class CollectionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "FuncCloud:Telemetry:Collection";

    /// <summary>
    /// Which of ceilometer's policies new metrics get: <c>low</c> (<c>ceilometer-low</c>, 5 min for 30 days, and
    /// <c>ceilometer-low-rate</c> for the cumulative meters, as ceilometer's gnocchi_resources.yaml) or <c>high</c>
    /// (<c>ceilometer-high[-rate]</c>: 1 s for an hour, 1 min for a day, 1 h for a year) — ceilometer's publisher
    /// <c>archive_policy</c> override, for clouds (and tests) that alarm at second granularity.
    /// </summary>
    public string ArchivePolicy { get; set; } = "low";

    /// <summary>The policy a new metric of <paramref name="meter"/> gets.</summary>
    public string PolicyFor(string meter) =>
        $"ceilometer-{(string.Equals(ArchivePolicy, "high", StringComparison.OrdinalIgnoreCase) ? "high" : "low")}{(Shared.Telemetry.Samples.Meters.IsCumulative(meter) ? "-rate" : string.Empty)}";
}
