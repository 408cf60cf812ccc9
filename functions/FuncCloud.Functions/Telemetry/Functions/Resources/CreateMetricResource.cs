using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Actions = FuncCloud.Functions.Telemetry.Services.MetricPolicyDefaults.Actions;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Telemetry.Index;

namespace FuncCloud.Functions.Telemetry.Functions.Resources;

/// <summary><c>POST /v1/resource/{type}</c>: 201 with the resource.</summary>
public sealed class CreateMetricResource(MetricHttp http, ResourceService resources)
{
    [Function(nameof(CreateMetricResource))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MetricRoutes.Resources)] HttpRequest req,
        string type, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) =>
        {
            var resource = await resources.CreateAsync(caller, type, body as JsonObject ?? throw new TelemetryBadRequestException("Invalid input: expected a dictionary"), cancellationToken);
            req.HttpContext.Response.Headers.Location = $"/{MetricRoutes.V1}/resource/{type}/{resource.Id}";
            return MetricHttp.Json(resources.Show(caller, type, resource), StatusCodes.Status201Created);
        }, cancellationToken);
}
