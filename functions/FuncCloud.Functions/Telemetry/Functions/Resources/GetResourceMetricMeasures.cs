using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Telemetry.Functions.Resources;

/// <summary><c>GET /v1/resource/{type}/{id}/metric/{name}/measures</c>.</summary>
public sealed class GetResourceMetricMeasures(MetricHttp http, ResourceService resources, MetricService metrics)
{
    [Function(nameof(GetResourceMetricMeasures))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.ResourceMetricMeasures)] HttpRequest req,
        string type, string resourceId, string name, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            var query = MeasuresQuery.Parse(req);
            var resource = await resources.GetVisibleAsync(caller, type, resourceId, cancellationToken);
            return MetricHttp.Json(await metrics.GetMeasuresAsync(caller, await resources.MetricAsync(resource, name, cancellationToken), query, cancellationToken));
        }, cancellationToken);
}
