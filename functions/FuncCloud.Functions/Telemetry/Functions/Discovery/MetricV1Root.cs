using System.Text.Json.Nodes;
using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Telemetry.Functions.Discovery;

/// <summary><c>GET /metric/v1</c>: the version and links to the collections (anonymous, as gnocchi's).</summary>
public sealed class MetricV1Root(MetricHttp http)
{
    private static readonly string[] Collections = ["aggregates", "archive_policy", "archive_policy_rule", "batch", "capabilities", "metric", "resource", "resource_type", "search", "status"];

    [Function(nameof(MetricV1Root))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.V1)] HttpRequest req) =>
        http.RunAsync(req, () =>
        {
            var root = $"{RequestUrls.Origin(req)}/{MetricRoutes.V1}";
            var links = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = root });
            foreach (var name in Collections)
            {
                links.Add(new JsonObject { ["rel"] = name, ["href"] = $"{root}/{name}" });
            }

            return Task.FromResult(MetricHttp.Json(new JsonObject { ["version"] = "1.0", ["links"] = links }));
        });
}
