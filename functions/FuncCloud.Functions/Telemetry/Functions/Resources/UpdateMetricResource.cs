using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Actions = FuncCloud.Functions.Telemetry.Services.MetricPolicyDefaults.Actions;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Telemetry.Index;

namespace FuncCloud.Functions.Telemetry.Functions.Resources;

/// <summary><c>PATCH /v1/resource/{type}/{id}</c>: a change starts a new revision.</summary>
public sealed class UpdateMetricResource(MetricHttp http, ResourceService resources)
{
    [Function(nameof(UpdateMetricResource))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = MetricRoutes.Resource)] HttpRequest req,
        string type, string resourceId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) =>
        {
            var resource = await resources.GetVisibleAsync(caller, type, resourceId, cancellationToken);
            var updated = await resources.UpdateAsync(caller, resource, body as JsonObject ?? throw new TelemetryBadRequestException("Invalid input: expected a dictionary"), cancellationToken);
            return MetricHttp.Json(resources.Show(caller, type, updated));
        }, cancellationToken);
}
