using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Actions = FuncCloud.Functions.Telemetry.Services.MetricPolicyDefaults.Actions;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Telemetry.Index;

namespace FuncCloud.Functions.Telemetry.Functions.Catalog;

/// <summary><c>GET /v1/resource_type/{type}</c>.</summary>
public sealed class GetResourceType(MetricHttp http, MetricAccess access)
{
    [Function(nameof(GetResourceType))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.ResourceType)] HttpRequest req,
        string type, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            access.Enforce(Actions.ReadCatalog, caller);
            await Task.CompletedTask;
            return MetricHttp.Json(MetricWire.ResourceType(ResourceService.Type(type)));
        }, cancellationToken);
}
