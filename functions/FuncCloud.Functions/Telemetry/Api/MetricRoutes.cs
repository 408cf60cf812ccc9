namespace FuncCloud.Functions.Telemetry.Api;

/// <summary>Routes of the measures API (Gnocchi v1; catalog type <c>metric</c>, endpoint <c>/metric</c>).</summary>
public static class MetricRoutes
{
    /// <summary>The service root, the catalog endpoint.</summary>
    public const string Root = "metric";

    /// <summary>The v1 root.</summary>
    public const string V1 = Root + "/v1";

    public const string Status = V1 + "/status";
    public const string Capabilities = V1 + "/capabilities";
    public const string ArchivePolicies = V1 + "/archive_policy";
    public const string ArchivePolicy = ArchivePolicies + "/{name}";
    public const string ArchivePolicyRules = V1 + "/archive_policy_rule";
    public const string ArchivePolicyRule = ArchivePolicyRules + "/{name}";
    public const string ResourceTypes = V1 + "/resource_type";
    public const string ResourceType = ResourceTypes + "/{type}";
    public const string Resources = V1 + "/resource/{type}";
    public const string Resource = Resources + "/{resourceId}";
    public const string ResourceHistory = Resource + "/history";
    public const string ResourceMetrics = Resource + "/metric";
    public const string ResourceMetric = ResourceMetrics + "/{name}";
    public const string ResourceMetricMeasures = ResourceMetric + "/measures";
    public const string Metrics = V1 + "/metric";
    public const string Metric = Metrics + "/{metricId}";
    public const string MetricMeasures = Metric + "/measures";
    public const string BatchResourceMeasures = V1 + "/batch/resources/metrics/measures";
    public const string SearchResources = V1 + "/search/resource/{type}";
    public const string Aggregates = V1 + "/aggregates";
    public const string RatingReport = V1 + "/rating/report";
}
