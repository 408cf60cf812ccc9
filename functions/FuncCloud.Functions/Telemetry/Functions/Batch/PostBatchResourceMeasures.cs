using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Telemetry.Functions.Batch;

/// <summary><c>POST /v1/batch/resources/metrics/measures[?create_metrics=true]</c>: 202.</summary>
public sealed class PostBatchResourceMeasures(MetricHttp http, BatchService batch)
{
    [Function(nameof(PostBatchResourceMeasures))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.BatchResourceMeasures)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) =>
        {
            var create = Shared.OpenStack.Validation.QueryParameters.Boolean(req, "create_metrics") ?? false;
            await batch.PostAsync(caller, body, create, cancellationToken);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        }, cancellationToken);
}
