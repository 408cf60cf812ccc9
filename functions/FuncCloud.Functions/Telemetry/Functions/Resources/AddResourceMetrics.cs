using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Actions = FuncCloud.Functions.Telemetry.Services.MetricPolicyDefaults.Actions;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Telemetry.Index;

namespace FuncCloud.Functions.Telemetry.Functions.Resources;

/// <summary><c>POST /v1/resource/{type}/{id}/metric</c>: <c>{name: {archive_policy_name, unit}}</c>.</summary>
public sealed class AddResourceMetrics(MetricHttp http, ResourceService resources)
{
    [Function(nameof(AddResourceMetrics))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.ResourceMetrics)] HttpRequest req,
        string type, string resourceId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) =>
        {
            var resource = await resources.GetVisibleAsync(caller, type, resourceId, cancellationToken);
            return MetricHttp.Json(await resources.AddMetricsAsync(caller, resource, body as JsonObject ?? throw new TelemetryBadRequestException("Invalid input: expected a dictionary"), cancellationToken));
        }, cancellationToken);
}
