using System.Text.Json.Nodes;
using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Telemetry.Functions.Discovery;

/// <summary><c>GET /metric</c>: gnocchi's version list (anonymous).</summary>
public sealed class MetricVersions(MetricHttp http)
{
    [Function(nameof(MetricVersions))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.Root)] HttpRequest req) =>
        http.RunAsync(req, () => Task.FromResult(MetricHttp.Json(new JsonObject
        {
            ["build"] = "4.6.0",
            ["versions"] = new JsonArray(new JsonObject
            {
                ["status"] = "CURRENT",
                ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = $"{RequestUrls.Origin(req)}/{MetricRoutes.V1}/" }),
                ["id"] = "v1.0",
                ["updated"] = "2015-03-19",
            }),
        })));
}
