using System.Text.Json.Nodes;
using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Telemetry.Functions.Discovery;

/// <summary>
/// <c>GET /v1/status</c> (admin): gnocchi's processing backlog. Measures are aggregated as they are written, so
/// there is never a backlog: zero metrics and measures waiting, no metricd processors.
/// </summary>
public sealed class GetStatus(MetricHttp http, MetricAccess access)
{
    [Function(nameof(GetStatus))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.Status)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, caller =>
        {
            access.Enforce(MetricPolicyDefaults.Actions.GetStatus, caller);
            return Task.FromResult(MetricHttp.Json(new JsonObject
            {
                ["storage"] = new JsonObject { ["summary"] = new JsonObject { ["metrics"] = 0, ["measures"] = 0 } },
                ["metricd"] = new JsonObject { ["processors"] = new JsonArray(), ["statistics"] = new JsonObject() },
            }));
        }, cancellationToken);
}
