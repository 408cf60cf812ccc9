using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using System.Text.Json.Nodes;

namespace FuncCloud.Functions.Telemetry.Functions.Metrics;

/// <summary><c>POST /v1/metric</c>: 201 with the metric.</summary>
public sealed class CreateMetric(MetricHttp http, MetricService metrics)
{
    [Function(nameof(CreateMetric))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.Metrics)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) =>
        {
            var metric = await metrics.CreateAsync(caller, body as JsonObject ?? throw new TelemetryBadRequestException("Invalid input: expected a dictionary"), cancellationToken);
            req.HttpContext.Response.Headers.Location = $"/{MetricRoutes.Metrics}/{metric.Id}";
            return MetricHttp.Json(await metrics.ShowAsync(caller, metric, cancellationToken), StatusCodes.Status201Created);
        }, cancellationToken);
}
