using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using FuncCloud.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Functions.Tests.Alarming;

/// <summary>
/// A loopback stand-in for Gnocchi's measures API (the two calls the evaluator makes) and for the webhook
/// receivers of alarm actions. Each series is keyed by resource id (or <c>aggregates</c>); its points end at now.
/// </summary>
public sealed class StubGnocchi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, double[]> _series = new();

    /// <summary>Starts the stub on a free loopback port.</summary>
    public StubGnocchi()
    {
        Port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        _app = builder.Build();
        _app.MapGet("/metric/v1/resource/{type}/{id}/metric/{name}/measures", (HttpRequest req, string type, string id, string name) =>
        {
            Requests.Enqueue(new StubRequest("measures", $"{type}/{id}/{name}", req.Headers["X-Auth-Token"].ToString(), req.QueryString.Value ?? string.Empty, null));
            if (FailWith is { } status)
            {
                return Results.StatusCode(status);
            }

            return Results.Text(Points(id, req).ToJsonString(), "application/json");
        });
        _app.MapPost("/metric/v1/aggregates", async (HttpRequest req) =>
        {
            var body = await JsonNode.ParseAsync(req.Body);
            Requests.Enqueue(new StubRequest("aggregates", "aggregates", req.Headers["X-Auth-Token"].ToString(), req.QueryString.Value ?? string.Empty, body));
            var result = new JsonObject { ["measures"] = new JsonObject { ["aggregated"] = Points("aggregates", req) } };
            return Results.Text(result.ToJsonString(), "application/json");
        });
        _app.MapPost("/hook/{name}", async (HttpRequest req, string name) =>
        {
            var body = await JsonNode.ParseAsync(req.Body);
            Hooks.Enqueue(new StubRequest("hook", name, string.Empty, string.Empty, body));
            return Results.Ok();
        });
        _app.StartAsync().GetAwaiter().GetResult();
    }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>The gnocchi endpoint (the catalog's <c>/metric</c>).</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}/metric";

    /// <summary>A webhook URL; what it receives lands in <see cref="Hooks"/>.</summary>
    public string Hook(string name) => $"http://127.0.0.1:{Port}/hook/{name}";

    /// <summary>Every measures request received.</summary>
    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    /// <summary>Every webhook POST received.</summary>
    public ConcurrentQueue<StubRequest> Hooks { get; } = new();

    /// <summary>When set, measures requests fail with this status.</summary>
    public int? FailWith { get; set; }

    /// <summary>Sets the series of <paramref name="key"/> (oldest first).</summary>
    public void Set(string key, params double[] values) => _series[key] = values;

    /// <summary>The hooks received by <paramref name="name"/>.</summary>
    public IReadOnlyList<JsonNode> HooksOf(string name) => [.. Hooks.Where(h => h.Path == name).Select(h => h.Body!)];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private JsonArray Points(string key, HttpRequest req)
    {
        var granularity = double.Parse(req.Query["granularity"].FirstOrDefault() ?? "300", CultureInfo.InvariantCulture);
        var values = _series.GetValueOrDefault(key) ?? [];
        var now = DateTimeOffset.UtcNow;
        var points = new JsonArray();
        for (var i = 0; i < values.Length; i++)
        {
            var at = now.AddSeconds(-granularity * (values.Length - i));
            points.Add(new JsonArray(at.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture), granularity, values[i]));
        }

        // A point at another granularity must be ignored by the evaluator.
        points.Add(new JsonArray(now.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture), granularity * 60, 12345.0));
        return points;
    }
}

/// <summary>One request the stub received.</summary>
public sealed record StubRequest(string Kind, string Path, string Token, string Query, JsonNode? Body);
