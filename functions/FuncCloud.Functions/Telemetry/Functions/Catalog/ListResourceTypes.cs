using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Actions = FuncCloud.Functions.Telemetry.Services.MetricPolicyDefaults.Actions;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Telemetry.Index;

namespace FuncCloud.Functions.Telemetry.Functions.Catalog;

/// <summary><c>GET /v1/resource_type</c>.</summary>
public sealed class ListResourceTypes(MetricHttp http, MetricAccess access)
{
    [Function(nameof(ListResourceTypes))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.ResourceTypes)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            access.Enforce(Actions.ReadCatalog, caller);
            await Task.CompletedTask;
            return MetricHttp.Json(new JsonArray(ResourceTypes.All.Select(t => (JsonNode)MetricWire.ResourceType(t)).ToArray()));
        }, cancellationToken);
}
