using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Telemetry.Functions.Metrics;

/// <summary><c>GET /v1/metric/{id}/measures</c>: <c>aggregation</c>, <c>granularity</c>, <c>start</c>, <c>stop</c>, <c>resample</c>, <c>refresh</c>.</summary>
public sealed class GetMetricMeasures(MetricHttp http, MetricService metrics)
{
    [Function(nameof(GetMetricMeasures))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.MetricMeasures)] HttpRequest req,
        string metricId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            var query = MeasuresQuery.Parse(req);
            return MetricHttp.Json(await metrics.GetMeasuresAsync(caller, await metrics.GetVisibleAsync(caller, metricId, cancellationToken), query, cancellationToken));
        }, cancellationToken);
}
