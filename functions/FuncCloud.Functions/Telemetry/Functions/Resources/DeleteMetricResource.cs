using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Telemetry.Functions.Resources;

/// <summary><c>DELETE /v1/resource/{type}/{id}</c>: the resource and its metrics.</summary>
public sealed class DeleteMetricResource(MetricHttp http, ResourceService resources)
{
    [Function(nameof(DeleteMetricResource))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = MetricRoutes.Resource)] HttpRequest req,
        string type, string resourceId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            await resources.DeleteAsync(caller, await resources.GetVisibleAsync(caller, type, resourceId, cancellationToken), cancellationToken);
            return Results.NoContent();
        }, cancellationToken);
}
