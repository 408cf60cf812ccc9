using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Telemetry.Functions.Metrics;

/// <summary><c>DELETE /v1/metric/{id}</c>.</summary>
public sealed class DeleteMetric(MetricHttp http, MetricService metrics)
{
    [Function(nameof(DeleteMetric))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = MetricRoutes.Metric)] HttpRequest req,
        string metricId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            await metrics.DeleteAsync(caller, await metrics.GetVisibleAsync(caller, metricId, cancellationToken), cancellationToken);
            return Results.NoContent();
        }, cancellationToken);
}
