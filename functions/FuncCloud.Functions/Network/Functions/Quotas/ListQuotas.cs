using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Quotas;

/// <summary><c>GET /v2.0/quotas</c>: projects with non-default limits (admin).</summary>
public sealed class ListQuotas(NeutronHttp http, NetworkQuotas quotas)
{
    [Function(nameof(ListQuotas))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.Quotas)] HttpRequest req, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller => NeutronHttp.Json(new JsonObject { ["quotas"] = await quotas.ListAsync(caller, cancellationToken) }), cancellationToken);
}
