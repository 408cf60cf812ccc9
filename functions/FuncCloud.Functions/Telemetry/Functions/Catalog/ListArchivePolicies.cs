using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Actions = FuncCloud.Functions.Telemetry.Services.MetricPolicyDefaults.Actions;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Telemetry.Index;

namespace FuncCloud.Functions.Telemetry.Functions.Catalog;

/// <summary><c>GET /v1/archive_policy</c>.</summary>
public sealed class ListArchivePolicies(MetricHttp http, ArchivePolicyCatalog catalog, MetricAccess access)
{
    [Function(nameof(ListArchivePolicies))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.ArchivePolicies)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            access.Enforce(Actions.ReadCatalog, caller);
            await Task.CompletedTask;
            return MetricHttp.Json(new JsonArray(catalog.Policies.Select(p => (JsonNode)MetricWire.ArchivePolicy(p)).ToArray()));
        }, cancellationToken);
}
