using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Quotas;

/// <summary><c>GET /v2.0/quotas/{projectId}/default</c>: the default limits.</summary>
public sealed class ShowDefaultQuota(NeutronHttp http, NetworkQuotas quotas)
{
    [Function(nameof(ShowDefaultQuota))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.Quotas + "/{projectId}/default")] HttpRequest req,
        string projectId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            quotas.EnforceRead(caller, projectId);
            await Task.CompletedTask;
            return NeutronHttp.Json(new JsonObject { ["quota"] = quotas.Defaults() });
        }, cancellationToken);
}
