using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Actions = FuncCloud.Functions.Telemetry.Services.MetricPolicyDefaults.Actions;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Telemetry.Index;

namespace FuncCloud.Functions.Telemetry.Functions.Resources;

/// <summary><c>GET /v1/resource/{type}/{id}/metric</c>.</summary>
public sealed class ListResourceMetrics(MetricHttp http, ResourceService resources, MetricService metrics)
{
    [Function(nameof(ListResourceMetrics))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.ResourceMetrics)] HttpRequest req,
        string type, string resourceId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            var resource = await resources.GetVisibleAsync(caller, type, resourceId, cancellationToken);
            var list = new JsonArray();
            foreach (var name in resource.Metrics.Keys.Order(StringComparer.Ordinal))
            {
                list.Add(metrics.Listed(await resources.MetricAsync(resource, name, cancellationToken)));
            }
            
            return MetricHttp.Json(list);
        }, cancellationToken);
}
