using System.Text.Json.Nodes;
using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Shared.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Telemetry.Functions.Discovery;

/// <summary><c>GET /v1/capabilities</c>: the aggregation methods archive policies may keep, and the aggregates operations.</summary>
public sealed class GetCapabilities(MetricHttp http)
{
    [Function(nameof(GetCapabilities))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.Capabilities)] HttpRequest req) =>
        http.RunAsync(req, () => Task.FromResult(MetricHttp.Json(new JsonObject
        {
            ["aggregation_methods"] = new JsonArray(AggregationMethods.Supported.Order(StringComparer.Ordinal).Select(m => (JsonNode)m).ToArray()),
            ["dynamic_aggregation_methods"] = new JsonArray("aggregate", "metric"),
        })));
}
