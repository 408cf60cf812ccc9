using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Telemetry.Functions.Metrics;

/// <summary><c>POST /v1/metric/{id}/measures</c>: 202.</summary>
public sealed class AddMetricMeasures(MetricHttp http, MetricService metrics)
{
    [Function(nameof(AddMetricMeasures))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.MetricMeasures)] HttpRequest req,
        string metricId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) =>
        {
            await metrics.AddMeasuresAsync(caller, await metrics.GetVisibleAsync(caller, metricId, cancellationToken), body, caller.RequestId, cancellationToken);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        }, cancellationToken);
}
