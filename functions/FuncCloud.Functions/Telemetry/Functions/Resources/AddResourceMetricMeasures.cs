using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Telemetry.Functions.Resources;

/// <summary><c>POST /v1/resource/{type}/{id}/metric/{name}/measures</c>: 202.</summary>
public sealed class AddResourceMetricMeasures(MetricHttp http, ResourceService resources, MetricService metrics)
{
    [Function(nameof(AddResourceMetricMeasures))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.ResourceMetricMeasures)] HttpRequest req,
        string type, string resourceId, string name, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) =>
        {
            var resource = await resources.GetVisibleAsync(caller, type, resourceId, cancellationToken);
            await metrics.AddMeasuresAsync(caller, await resources.MetricAsync(resource, name, cancellationToken), body, caller.RequestId, cancellationToken);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        }, cancellationToken);
}
