using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Telemetry.Functions.Resources;

/// <summary><c>GET /v1/resource/{type}/{id}/history</c>: every revision, oldest first.</summary>
public sealed class GetMetricResourceHistory(MetricHttp http, ResourceService resources)
{
    [Function(nameof(GetMetricResourceHistory))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.ResourceHistory)] HttpRequest req,
        string type, string resourceId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller => MetricHttp.Json(await resources.HistoryAsync(caller, type, await resources.GetVisibleAsync(caller, type, resourceId, cancellationToken), cancellationToken)), cancellationToken);
}
