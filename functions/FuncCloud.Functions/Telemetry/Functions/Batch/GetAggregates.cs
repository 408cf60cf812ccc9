using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using System.Text.Json.Nodes;

namespace FuncCloud.Functions.Telemetry.Functions.Batch;

/// <summary><c>POST /v1/aggregates</c>: operations across metrics or searched resources, <c>groupby</c>.</summary>
public sealed class GetAggregates(MetricHttp http, AggregatesService aggregates)
{
    [Function(nameof(GetAggregates))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.Aggregates)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) =>
        {
            return MetricHttp.Json(await aggregates.FetchAsync(caller, body as JsonObject ?? throw new TelemetryBadRequestException("Invalid input: expected a dictionary"), req, cancellationToken));
        }, cancellationToken);
}
