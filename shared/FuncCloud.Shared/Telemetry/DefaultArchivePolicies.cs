namespace FuncCloud.Shared.Telemetry;

/// <summary>
/// The archive policies a fresh deployment has: gnocchi's <c>low</c>/<c>medium</c>/<c>high</c> (with gnocchi's
/// default methods) and the four ceilometer creates (<c>ceilometer-low</c>, <c>-low-rate</c>, <c>-high</c>,
/// <c>-high-rate</c>), plus the rule ceilometer's deployment guides install: every metric (<c>*</c>) →
/// <c>ceilometer-low</c>. Ceilometer itself names the policy of each meter, so the rule only decides for
/// metrics users create without one.
/// </summary>
public static class DefaultArchivePolicies
{
    /// <summary>gnocchi's <c>default_aggregation_methods</c>.</summary>
    public static readonly IReadOnlyList<string> DefaultMethods = ["mean", "min", "max", "sum", "std", "count"];

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private static readonly ArchivePolicyDefinition[] High =
    [
        ArchivePolicyDefinition.Over(Second, Hour),
        ArchivePolicyDefinition.Over(Minute, Day),
        ArchivePolicyDefinition.Over(Hour, 365 * Day),
    ];

    /// <summary>Every default policy, by name.</summary>
    public static readonly IReadOnlyList<ArchivePolicy> All =
    [
        new("low", 0, [ArchivePolicyDefinition.Over(FiveMinutes, 30 * Day)], DefaultMethods),
        new("medium", 0, [ArchivePolicyDefinition.Over(Minute, 7 * Day), ArchivePolicyDefinition.Over(Hour, 365 * Day)], DefaultMethods),
        new("high", 0, [ArchivePolicyDefinition.Over(Second, Hour), ArchivePolicyDefinition.Over(Minute, 7 * Day), ArchivePolicyDefinition.Over(Hour, 365 * Day)], DefaultMethods),
        new("ceilometer-low", 0, [ArchivePolicyDefinition.Over(FiveMinutes, 30 * Day)], ["mean"]),
        new("ceilometer-low-rate", 0, [ArchivePolicyDefinition.Over(FiveMinutes, 30 * Day)], ["mean", "rate:mean"]),
        new("ceilometer-high", 0, High, ["mean"]),
        new("ceilometer-high-rate", 0, High, ["mean", "rate:mean"]),
    ];

    /// <summary>The default rules.</summary>
    public static readonly IReadOnlyList<ArchivePolicyRule> Rules = [new("default", "*", "ceilometer-low")];
}
