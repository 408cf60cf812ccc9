using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Actions = FuncCloud.Functions.Telemetry.Services.MetricPolicyDefaults.Actions;
using System.Text.Json.Nodes;
using FuncCloud.Shared.Telemetry.Index;

namespace FuncCloud.Functions.Telemetry.Functions.Catalog;

/// <summary><c>GET /v1/archive_policy_rule</c>.</summary>
public sealed class ListArchivePolicyRules(MetricHttp http, ArchivePolicyCatalog catalog, MetricAccess access)
{
    [Function(nameof(ListArchivePolicyRules))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetricRoutes.ArchivePolicyRules)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            access.Enforce(Actions.ReadCatalog, caller);
            await Task.CompletedTask;
            return MetricHttp.Json(new JsonArray(catalog.Rules.Select(r => (JsonNode)MetricWire.Rule(r)).ToArray()));
        }, cancellationToken);
}
