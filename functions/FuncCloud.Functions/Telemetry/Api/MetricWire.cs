using System.Text.Json.Nodes;
using FuncCloud.Functions.Telemetry.Services;
using FuncCloud.Shared.Telemetry;
using FuncCloud.Shared.Telemetry.Index;

namespace FuncCloud.Functions.Telemetry.Api;

/// <summary>Gnocchi's response bodies, key for key.</summary>
public static class MetricWire
{
    /// <summary>An archive policy.</summary>
    public static JsonObject ArchivePolicy(ArchivePolicy policy) => new()
    {
        ["name"] = policy.Name,
        ["back_window"] = policy.BackWindow,
        ["definition"] = new JsonArray(policy.Definition.Select(d => (JsonNode)new JsonObject
        {
            ["timespan"] = TelemetryTime.Timespan(d.Timespan),
            ["granularity"] = TelemetryTime.Timespan(d.Granularity),
            ["points"] = d.Points,
        }).ToArray()),
        ["aggregation_methods"] = new JsonArray(policy.AggregationMethods.Order(StringComparer.Ordinal).Select(m => (JsonNode)m).ToArray()),
    };

    /// <summary>An archive policy rule.</summary>
    public static JsonObject Rule(ArchivePolicyRule rule) => new()
    {
        ["name"] = rule.Name,
        ["archive_policy_name"] = rule.ArchivePolicyName,
        ["metric_pattern"] = rule.MetricPattern,
    };

    /// <summary>A resource type.</summary>
    public static JsonObject ResourceType(ResourceType type)
    {
        var attributes = new JsonObject();
        foreach (var a in type.Attributes)
        {
            attributes[a.Name] = new JsonObject { ["type"] = "string", ["required"] = a.Required, ["min_length"] = 0, ["max_length"] = a.MaxLength };
        }

        return new JsonObject { ["name"] = type.Name, ["attributes"] = attributes, ["state"] = "active" };
    }

    /// <summary>A metric as listed (<c>resource_id</c>, the archive policy inlined).</summary>
    public static JsonObject Metric(MetricRecord metric, ArchivePolicy policy)
    {
        var body = MetricHead(metric);
        body["resource_id"] = metric.ResourceId;
        body["archive_policy"] = ArchivePolicy(policy);
        return Creator(body, metric.CreatorUserId, metric.CreatorProjectId);
    }

    /// <summary>A metric as shown (its resource and archive policy inlined).</summary>
    public static JsonObject MetricDetails(MetricRecord metric, ResourceRecord? resource, ArchivePolicy policy)
    {
        var body = MetricHead(metric);
        body["resource"] = resource is null ? null : Resource(resource, ResourceTypes.Find(resource.Type), withAttributes: true);
        body["archive_policy"] = ArchivePolicy(policy);
        return Creator(body, metric.CreatorUserId, metric.CreatorProjectId);
    }

    /// <summary>A resource: the generic keys, then its type's attributes when <paramref name="withAttributes"/>.</summary>
    public static JsonObject Resource(ResourceRecord resource, ResourceType? type, bool withAttributes, DateTimeOffset? revisionEnd = null)
    {
        var body = new JsonObject
        {
            ["id"] = resource.Id,
            ["creator"] = CreatorString(resource.CreatorUserId, resource.CreatorProjectId),
            ["started_at"] = TelemetryTime.Format(resource.StartedAt),
            ["revision_start"] = TelemetryTime.Format(resource.RevisionStart),
            ["ended_at"] = resource.EndedAt is { } ended ? TelemetryTime.Format(ended) : null,
            ["user_id"] = resource.UserId,
            ["project_id"] = resource.ProjectId,
            ["original_resource_id"] = resource.OriginalResourceId,
            ["type"] = resource.Type,
            ["revision_end"] = revisionEnd is { } end ? TelemetryTime.Format(end) : null,
        };
        if (withAttributes && type is not null)
        {
            foreach (var attribute in type.Attributes)
            {
                body[attribute.Name] = resource.Attributes.GetValueOrDefault(attribute.Name);
            }
        }

        var metrics = new JsonObject();
        foreach (var (name, id) in resource.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            metrics[name] = id;
        }

        body["metrics"] = metrics;
        return Creator(body, resource.CreatorUserId, resource.CreatorProjectId);
    }

    /// <summary>Measures: <c>[[timestamp, granularity seconds, value], ...]</c>.</summary>
    public static JsonArray Points(IEnumerable<AggregatedPoint> points) =>
        new(points.Select(p => (JsonNode)new JsonArray(TelemetryTime.Format(p.Timestamp), p.Granularity.TotalSeconds, p.Value)).ToArray());

    private static JsonObject MetricHead(MetricRecord metric) => new()
    {
        ["id"] = metric.Id,
        ["creator"] = CreatorString(metric.CreatorUserId, metric.CreatorProjectId),
        ["name"] = metric.Name,
        ["unit"] = metric.Unit,
    };

    private static string CreatorString(string userId, string? projectId) => $"{userId}:{projectId}";

    private static JsonObject Creator(JsonObject body, string userId, string? projectId)
    {
        body["created_by_user_id"] = userId;
        body["created_by_project_id"] = projectId ?? string.Empty;
        return body;
    }
}
