using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Alarming;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Alarming.Evaluation;

/// <summary>Gnocchi did not answer usefully (transport error, timeout, non-2xx, unexpected body).</summary>
public sealed class GnocchiException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads the measures a threshold rule needs from Gnocchi's public v1 API, as aodh's gnocchi evaluator does:
/// <c>GET /v1/resource/{type}/{id}/metric/{name}/measures</c> for one resource's metric and
/// <c>POST /v1/aggregates</c> across metrics or across the resources a search selects.
/// </summary>
public sealed class GnocchiClient(HttpClient http, IOptions<AlarmingOptions> options)
{
    private readonly Uri _endpoint = new(options.Value.GnocchiEndpoint!.TrimEnd('/') + "/");

    /// <summary>The values (oldest first) at the rule's granularity between <paramref name="start"/> and <paramref name="stop"/>.</summary>
    /// <exception cref="GnocchiException">Gnocchi failed.</exception>
    public async Task<IReadOnlyList<double>> FetchAsync(AlarmRecord alarm, string token, DateTimeOffset start, DateTimeOffset stop, CancellationToken cancellationToken)
    {
        var rule = alarm.Rule;
        var window = $"start={Uri.EscapeDataString(Iso(start))}&stop={Uri.EscapeDataString(Iso(stop))}";
        using var request = alarm.Type switch
        {
            AlarmTypes.GnocchiResourcesThreshold => new HttpRequestMessage(HttpMethod.Get,
                $"v1/resource/{Escape(rule.ResourceType!)}/{Escape(rule.ResourceId!)}/metric/{Escape(rule.Metric!)}/measures" +
                $"?aggregation={Uri.EscapeDataString(rule.AggregationMethod)}&granularity={rule.Granularity}&{window}"),
            _ => new HttpRequestMessage(HttpMethod.Post, $"v1/aggregates?{window}&needed_overlap=0&granularity={rule.Granularity}")
            {
                Content = new StringContent(AggregatesBody(alarm).ToJsonString(), Encoding.UTF8, "application/json"),
            },
        };
        request.RequestUri = new Uri(_endpoint, request.RequestUri!);
        request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.GnocchiTimeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new GnocchiException($"gnocchi answered {(int)response.StatusCode}: {Truncate(text)}");
            }

            return Values(JsonNode.Parse(text), rule.Granularity);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            throw new GnocchiException($"gnocchi is unreachable: {e.Message}", e);
        }
    }

    /// <summary>The body of <c>POST /v1/aggregates</c> for an aggregation rule (aodh's operations).</summary>
    public static JsonObject AggregatesBody(AlarmRecord alarm)
    {
        var rule = alarm.Rule;
        var method = rule.AggregationMethod;
        var reduce = method.StartsWith("rate:", StringComparison.Ordinal) ? method[5..] : method;
        if (alarm.Type == AlarmTypes.GnocchiAggregationByMetricsThreshold)
        {
            var refs = new JsonArray("metric");
            foreach (var metric in rule.Metrics ?? [])
            {
                refs.Add(new JsonArray(metric, reduce));
            }

            return new JsonObject { ["operations"] = new JsonArray("aggregate", method, refs) };
        }

        return new JsonObject
        {
            ["resource_type"] = rule.ResourceType,
            ["search"] = JsonNode.Parse(rule.Query ?? "{}"),
            ["operations"] = new JsonArray("aggregate", method, new JsonArray("metric", rule.Metric, reduce)),
        };
    }

    /// <summary>
    /// The values of a measures list <c>[[timestamp, granularity, value], ...]</c>, or of an aggregates answer
    /// (<c>{"measures": {"aggregated": [...]}}</c>), keeping only points at <paramref name="granularity"/>.
    /// </summary>
    public static IReadOnlyList<double> Values(JsonNode? body, int granularity)
    {
        var points = body switch
        {
            JsonArray list => list,
            JsonObject o when o["measures"] is JsonObject m && m["aggregated"] is JsonArray a => a,
            JsonObject o when o["measures"] is JsonArray a => a,
            JsonObject o when o["aggregated"] is JsonArray a => a,
            _ => throw new GnocchiException("gnocchi answered a body that holds no measures"),
        };

        var values = new List<(DateTimeOffset At, double Value)>();
        foreach (var point in points)
        {
            if (point is JsonArray { Count: 3 } p
                && DateTimeOffset.TryParse(p[0]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                && p[1] is JsonValue g && g.TryGetValue(out double pointGranularity)
                && p[2] is JsonValue v && v.TryGetValue(out double value)
                && Math.Abs(pointGranularity - granularity) < 1e-9)
            {
                values.Add((at, value));
            }
        }

        return [.. values.OrderBy(p => p.At).Select(p => p.Value)];
    }

    private static string Iso(DateTimeOffset when) => when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200];
}
