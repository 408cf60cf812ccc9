using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Quotas;

/// <summary><c>GET /v2.0/quotas/{projectId}</c>: the project's limits (own project, or admin).</summary>
public sealed class ShowQuota(NeutronHttp http, NetworkQuotas quotas)
{
    [Function(nameof(ShowQuota))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.Quotas + "/{projectId}")] HttpRequest req,
        string projectId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            quotas.EnforceRead(caller, projectId);
            return NeutronHttp.Json(new JsonObject { ["quota"] = await quotas.LimitsAsync(projectId, cancellationToken) });
        }, cancellationToken);
}
