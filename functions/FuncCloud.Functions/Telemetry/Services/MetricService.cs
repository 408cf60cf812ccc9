using System.Text.Json.Nodes;
using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Telemetry;
using FuncCloud.Shared.Telemetry.Index;
using FuncCloud.Shared.Telemetry.Storage;
using Actions = FuncCloud.Functions.Telemetry.Services.MetricPolicyDefaults.Actions;

namespace FuncCloud.Functions.Telemetry.Services;

/// <summary>Metrics and their measures: create, show, list, delete, post and read.</summary>
public sealed class MetricService(TelemetryIndexStore index, MeasureStore measures, ArchivePolicyCatalog policies, MetricAccess access)
{
    /// <summary>The metric, if the caller may see it.</summary>
    /// <exception cref="MetricNotFoundException">Missing or invisible.</exception>
    public async Task<MetricRecord> GetVisibleAsync(RequestContext caller, string metricId, CancellationToken cancellationToken)
    {
        var metric = Guid.TryParse(metricId, out var id) ? await index.GetMetricAsync(id.ToString("D"), cancellationToken) : null;
        return metric is not null && MetricAccess.CanSee(caller, metric.ProjectId) ? metric : throw new MetricNotFoundException(metricId);
    }

    /// <summary>The metric with its resource and policy inlined.</summary>
    public async Task<JsonObject> ShowAsync(RequestContext caller, MetricRecord metric, CancellationToken cancellationToken)
    {
        access.Enforce(Actions.GetMetric, caller, metric.ProjectId);
        var resource = metric.ResourceId is null ? null : await index.GetResourceAsync(metric.ResourceId, cancellationToken);
        return MetricWire.MetricDetails(metric, resource, policies.Get(metric.ArchivePolicyName));
    }

    /// <summary>The metrics the caller sees, by id, paged with <c>limit</c>/<c>marker</c>.</summary>
    public async Task<JsonArray> ListAsync(RequestContext caller, int? limit, string? marker, CancellationToken cancellationToken)
    {
        access.Enforce(Actions.ListMetrics, caller);
        var visible = (await index.ListMetricsAsync(cancellationToken)).Where(m => MetricAccess.CanSee(caller, m.ProjectId)).OrderBy(m => m.Id, StringComparer.Ordinal);
        var page = visible.Where(m => marker is null || string.CompareOrdinal(m.Id, marker) > 0).Take(limit ?? int.MaxValue);
        return new JsonArray(page.Select(m => (JsonNode)MetricWire.Metric(m, policies.Get(m.ArchivePolicyName))).ToArray());
    }

    /// <summary>A metric as listed.</summary>
    public JsonObject Listed(MetricRecord metric) => MetricWire.Metric(metric, policies.Get(metric.ArchivePolicyName));

    /// <summary><c>POST /v1/metric</c>: a metric of no resource.</summary>
    public async Task<MetricRecord> CreateAsync(RequestContext caller, JsonObject body, CancellationToken cancellationToken)
    {
        access.Enforce(Actions.CreateMetric, caller);
        var (name, unit, policy) = Definition(body, null);
        var metric = new MetricRecord(Guid.NewGuid().ToString("D"), name, unit, policy, null, caller.ProjectId, caller.UserId, caller.ProjectId);
        await index.InsertMetricAsync(metric, cancellationToken);
        return metric;
    }

    /// <summary>Reads <c>name</c>, <c>unit</c> and <c>archive_policy_name</c> (defaulted by the rules) of a metric definition.</summary>
    public (string? Name, string? Unit, string Policy) Definition(JsonObject body, string? name)
    {
        foreach (var (key, _) in body)
        {
            if (key is not ("name" or "unit" or "archive_policy_name" or "resource_id"))
            {
                throw new GnocchiCauseException("Invalid input", new JsonArray(key), $"extra keys not allowed @ data['{key}']");
            }
        }

        name ??= String(body, "name");
        var unit = String(body, "unit");
        if (unit?.Length > 31)
        {
            throw new GnocchiCauseException("Invalid input", new JsonArray("unit"), "length of value must be at most 31 for dictionary value @ data['unit']");
        }

        var policy = String(body, "archive_policy_name") ?? policies.PolicyFor(name);
        policies.Get(policy);
        return (name, unit, policy);
    }

    /// <summary>Deletes a metric and its measures (and unlinks it from its resource).</summary>
    public async Task DeleteAsync(RequestContext caller, MetricRecord metric, CancellationToken cancellationToken)
    {
        access.Enforce(Actions.DeleteMetric, caller, metric.ProjectId);
        if (metric.ResourceId is not null)
        {
            await index.UpdateResourceAsync(metric.ResourceId, r => r.Metrics.ContainsKey(metric.Name ?? string.Empty)
                ? r with { Metrics = r.Metrics.Where(m => m.Key != metric.Name).ToDictionary() }
                : r, cancellationToken);
        }

        await index.DeleteMetricAsync(metric.Id, cancellationToken);
        await measures.DeleteAsync(metric.Id, cancellationToken);
    }

    /// <summary>Posts measures (aggregated at once: the answer is 202 as gnocchi's, but they are readable already).</summary>
    public async Task AddMeasuresAsync(RequestContext caller, MetricRecord metric, JsonNode body, string batchId, CancellationToken cancellationToken)
    {
        access.Enforce(Actions.PostMeasures, caller, metric.ProjectId);
        var parsed = MeasuresBody.Parse(body);
        if (parsed.Count > 0)
        {
            await measures.AddAsync(metric.Id, policies.Get(metric.ArchivePolicyName), parsed, batchId, cancellationToken);
        }
    }

    /// <summary>Reads measures with gnocchi's query parameters.</summary>
    public async Task<JsonArray> GetMeasuresAsync(RequestContext caller, MetricRecord metric, MeasuresQuery query, CancellationToken cancellationToken)
    {
        access.Enforce(Actions.GetMeasures, caller, metric.ProjectId);
        var points = await ReadAsync(metric, query.Aggregation, query.Granularity, query.Start, query.Stop, cancellationToken);
        return MetricWire.Points(query.Resample is { } every ? Resampler.Resample(points, every, query.Aggregation) : points);
    }

    /// <summary>One series' points (the shared read of the API, aggregates and, later, alarm evaluation).</summary>
    public async Task<IReadOnlyList<AggregatedPoint>> ReadAsync(MetricRecord metric, string aggregation, TimeSpan? granularity, DateTimeOffset? start, DateTimeOffset? stop, CancellationToken cancellationToken)
    {
        try
        {
            return await measures.GetAsync(new SeriesQuery(metric.Id, policies.Get(metric.ArchivePolicyName), aggregation, granularity, start, stop), cancellationToken);
        }
        catch (UnknownGranularityException e)
        {
            throw new AggregationNotFoundException($"Granularity '{e.Granularity.TotalSeconds}' for metric {metric.Id} does not exist");
        }
        catch (UnknownAggregationException e)
        {
            throw new AggregationNotFoundException($"Aggregation method '{e.Aggregation}' for metric {metric.Id} does not exist");
        }
    }

    private static string? String(JsonObject body, string key) => body[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => throw new GnocchiCauseException("Invalid input", new JsonArray(key), $"expected str for dictionary value @ data['{key}']"),
    };
}
