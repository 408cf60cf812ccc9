using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Telemetry.Functions.Metrics;

/// <summary><c>GET /v1/metric/{id}</c>.</summary>
public sealed class GetMetric(MetricHttp http, MetricService metrics)
{
    [Function(nameof(GetMetric))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.Metric)] HttpRequest req,
        string metricId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller => MetricHttp.Json(await metrics.ShowAsync(caller, await metrics.GetVisibleAsync(caller, metricId, cancellationToken), cancellationToken)), cancellationToken);
}
