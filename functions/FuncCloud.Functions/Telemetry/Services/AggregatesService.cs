using System.Globalization;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Telemetry;
using FuncCloud.Shared.Telemetry.Index;
using Microsoft.AspNetCore.Http;
using Actions = FuncCloud.Functions.Telemetry.Services.MetricPolicyDefaults.Actions;

namespace FuncCloud.Functions.Telemetry.Services;

/// <summary>
/// <c>POST /v1/aggregates</c>: operations over metrics named by id, or by name on the resources a search finds
/// (optionally grouped by resource attributes). Each referenced series is read pre-aggregated; combining happens
/// per timestamp and granularity, keeping timestamps that at least <c>needed_overlap</c>% of the series have.
/// </summary>
public sealed class AggregatesService(ResourceService resources, MetricService metrics, MetricAccess access)
{
    private sealed record Series(IReadOnlyList<string> Labels, IReadOnlyList<AggregatedPoint> Points);

    private sealed record Window(TimeSpan? Granularity, DateTimeOffset? Start, DateTimeOffset? Stop, double NeededOverlap);

    /// <summary>Evaluates the request.</summary>
    public async Task<JsonNode> FetchAsync(RequestContext caller, JsonObject body, HttpRequest request, CancellationToken cancellationToken)
    {
        access.Enforce(Actions.GetMeasures, caller);
        var operations = AggregateOperations.Parse(body["operations"]);
        var query = request.Query;
        var window = new Window(
            query["granularity"].LastOrDefault() is { } g ? TelemetryTime.ParseGranularity(g) : null,
            query["start"].LastOrDefault() is { } start ? TelemetryTime.Parse(start, "start") : null,
            query["stop"].LastOrDefault() is { } stop ? TelemetryTime.Parse(stop, "stop") : null,
            query["needed_overlap"].LastOrDefault() is { } overlap && double.TryParse(overlap, NumberStyles.Float, CultureInfo.InvariantCulture, out var o) && o is >= 0 and <= 100
                ? o
                : query.ContainsKey("needed_overlap") ? throw new TelemetryBadRequestException("Invalid needed_overlap: must be a number between 0 and 100") : 100);
        if (body["search"] is not { } search)
        {
            return new JsonObject { ["measures"] = Nest(await EvaluateAsync(caller, operations, null, window, cancellationToken)) };
        }

        var type = body["resource_type"] is JsonValue t && t.TryGetValue<string>(out var typeName) ? typeName : ResourceTypes.Generic;
        var filter = search is JsonValue sv && sv.TryGetValue<string>(out var text) ? SearchFilter.FromString(text) : SearchFilter.FromJson(search);
        var found = (await resources.ListAsync(caller, type, new ResourceListQuery(null, null, [("id", false)], true), filter, cancellationToken)).OfType<JsonObject>().ToList();
        var groupBy = query["groupby"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
        if (groupBy.Count == 0)
        {
            return new JsonObject { ["measures"] = Nest(await EvaluateAsync(caller, operations, found, window, cancellationToken)) };
        }

        var groups = new JsonArray();
        foreach (var group in found.GroupBy(r => string.Join('\u0001', groupBy.Select(k => r[k]?.ToJsonString() ?? "null"))).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var key = new JsonObject();
            foreach (var attribute in groupBy)
            {
                key[attribute] = group.First()[attribute]?.DeepClone();
            }

            var measures = Nest(await EvaluateAsync(caller, operations, group.ToList(), window, cancellationToken));
            groups.Add(new JsonObject { ["group"] = key, ["measures"] = new JsonObject { ["measures"] = measures } });
        }

        return groups;
    }

    private async Task<List<Series>> EvaluateAsync(RequestContext caller, JsonArray operation, IReadOnlyList<JsonObject>? found, Window window, CancellationToken cancellationToken)
    {
        var verb = operation.Count > 0 && operation[0] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw AggregateOperations.Invalid("an operation starts with its name");
        switch (verb)
        {
            case "metric":
                var references = operation.Count == 3 && operation[1] is JsonValue
                    ? [(Text(operation[1]), Text(operation[2]))]
                    : operation.Skip(1).Select(r => r is JsonArray { Count: 2 } pair ? (Text(pair[0]), Text(pair[1])) : throw AggregateOperations.Invalid("a metric reference is (name aggregation)")).ToList();
                var series = new List<Series>();
                foreach (var (name, aggregation) in references)
                {
                    series.AddRange(await ReadAsync(caller, name, aggregation, found, window, cancellationToken));
                }

                return series;
            case "aggregate" when operation.Count == 3:
                var method = Text(operation[1]);
                if (!AggregationMethods.Supported.Contains(method) || AggregationMethods.IsRate(method))
                {
                    throw AggregateOperations.Invalid($"unsupported aggregation {method}");
                }

                var inputs = await EvaluateAsync(caller, operation[2] as JsonArray ?? throw AggregateOperations.Invalid("aggregate takes an operation"), found, window, cancellationToken);
                return [new Series(["aggregated"], Combine(inputs, method, window.NeededOverlap))];
            default:
                throw AggregateOperations.Invalid($"unsupported operation {verb}");
        }
    }

    private async Task<IEnumerable<Series>> ReadAsync(RequestContext caller, string name, string aggregation, IReadOnlyList<JsonObject>? found, Window window, CancellationToken cancellationToken)
    {
        if (found is null)
        {
            var metric = await metrics.GetVisibleAsync(caller, name, cancellationToken);
            return [new Series([metric.Id, aggregation], await metrics.ReadAsync(metric, aggregation, window.Granularity, window.Start, window.Stop, cancellationToken))];
        }

        var series = new List<Series>();
        foreach (var resource in found)
        {
            if (resource["metrics"]?[name] is JsonValue id && id.TryGetValue<string>(out var metricId))
            {
                var metric = await metrics.GetVisibleAsync(caller, metricId, cancellationToken);
                series.Add(new Series([(string)resource["id"]!, name, aggregation], await metrics.ReadAsync(metric, aggregation, window.Granularity, window.Start, window.Stop, cancellationToken)));
            }
        }

        return series;
    }

    private static List<AggregatedPoint> Combine(IReadOnlyList<Series> inputs, string method, double neededOverlap)
    {
        if (inputs.Count == 0)
        {
            return [];
        }

        return inputs.SelectMany(s => s.Points).GroupBy(p => (p.Granularity, p.Timestamp))
            .Where(g => g.Count() * 100.0 / inputs.Count >= neededOverlap)
            .OrderByDescending(g => g.Key.Granularity).ThenBy(g => g.Key.Timestamp)
            .Select(g => new AggregatedPoint(g.Key.Timestamp, g.Key.Granularity, Resampler.Combine(g.Select(p => p.Value).ToList(), method)))
            .ToList();
    }

    private static JsonObject Nest(IEnumerable<Series> series)
    {
        var root = new JsonObject();
        foreach (var s in series)
        {
            var node = root;
            for (var i = 0; i < s.Labels.Count - 1; i++)
            {
                if (node[s.Labels[i]] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[s.Labels[i]] = child;
                }

                node = child;
            }

            node[s.Labels[^1]] = MetricWire.Points(s.Points);
        }

        return root;
    }

    private static string Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw AggregateOperations.Invalid("expected a name");
}
