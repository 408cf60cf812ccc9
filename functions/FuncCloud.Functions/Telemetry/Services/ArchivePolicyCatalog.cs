using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Shared.Telemetry;

namespace FuncCloud.Functions.Telemetry.Services;

/// <summary>The archive policies and rules (the defaults; creating more is not offered yet).</summary>
public sealed class ArchivePolicyCatalog
{
    /// <summary>Every policy.</summary>
    public IReadOnlyList<ArchivePolicy> Policies => DefaultArchivePolicies.All;

    /// <summary>Every rule.</summary>
    public IReadOnlyList<ArchivePolicyRule> Rules => DefaultArchivePolicies.Rules;

    /// <summary>The policy <paramref name="name"/>.</summary>
    /// <exception cref="ArchivePolicyNotFoundException">Unknown.</exception>
    public ArchivePolicy Get(string name) => Policies.FirstOrDefault(p => p.Name == name) ?? throw new ArchivePolicyNotFoundException(name);

    /// <summary>The rule <paramref name="name"/>.</summary>
    /// <exception cref="ArchivePolicyRuleNotFoundException">Unknown.</exception>
    public ArchivePolicyRule GetRule(string name) => Rules.FirstOrDefault(r => r.Name == name) ?? throw new ArchivePolicyRuleNotFoundException(name);

    /// <summary>The policy a metric named <paramref name="metricName"/> gets when none is given (the longest matching pattern wins, as gnocchi's).</summary>
    /// <exception cref="TelemetryBadRequestException">No rule matches.</exception>
    public string PolicyFor(string? metricName) =>
        Rules.Where(r => metricName is not null && r.Matches(metricName)).OrderByDescending(r => r.MetricPattern.Length).FirstOrDefault()?.ArchivePolicyName
            ?? throw new TelemetryBadRequestException($"No archive policy name specified and no archive policy rule found matching the metric name {metricName}");
}
