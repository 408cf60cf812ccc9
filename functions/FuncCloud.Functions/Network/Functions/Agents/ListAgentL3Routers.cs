using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Wiring;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Agents;

/// <summary><c>GET /v2.0/agents/{agentId}/l3-routers: the routers an L3 agent hosts.</c></summary>
public sealed class ListAgentL3Routers(NeutronHttp http, NetworkAgents agents)
{
    [Function(nameof(ListAgentL3Routers))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.V2 + "/agents/{agentId}/l3-routers")] HttpRequest req,
        string agentId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller => NeutronHttp.Json(new System.Text.Json.Nodes.JsonObject { ["routers"] = await agents.HostedAsync(caller, agentId, NetworkBindingKinds.L3, cancellationToken) }), cancellationToken);
}
