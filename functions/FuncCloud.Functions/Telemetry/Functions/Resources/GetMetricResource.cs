using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Telemetry.Functions.Resources;

/// <summary><c>GET /v1/resource/{type}/{id}</c>.</summary>
public sealed class GetMetricResource(MetricHttp http, ResourceService resources)
{
    [Function(nameof(GetMetricResource))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.Resource)] HttpRequest req,
        string type, string resourceId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller => MetricHttp.Json(resources.Show(caller, type, await resources.GetVisibleAsync(caller, type, resourceId, cancellationToken))), cancellationToken);
}
