using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Wiring;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Agents;

/// <summary><c>GET /v2.0/routers/{routerId}/l3-agents: the L3 agent hosting the router.</c></summary>
public sealed class ListRouterL3Agents(NeutronHttp http, NetworkAgents agents)
{
    [Function(nameof(ListRouterL3Agents))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.Router + "/l3-agents")] HttpRequest req,
        string routerId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller => NeutronHttp.Json(new System.Text.Json.Nodes.JsonObject { ["agents"] = await agents.HostingAsync(caller, NetworkBindingKinds.L3, routerId, cancellationToken) }), cancellationToken);
}
