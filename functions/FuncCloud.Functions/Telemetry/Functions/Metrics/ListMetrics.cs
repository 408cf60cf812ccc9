using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Telemetry.Functions.Metrics;

/// <summary><c>GET /v1/metric</c>: the caller's metrics, by id, paged.</summary>
public sealed class ListMetrics(MetricHttp http, MetricService metrics)
{
    [Function(nameof(ListMetrics))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.Metrics)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller => MetricHttp.Json(await metrics.ListAsync(caller, Shared.OpenStack.Validation.QueryParameters.Limit(req), Shared.OpenStack.Validation.QueryParameters.Marker(req), cancellationToken)), cancellationToken);
}
