using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Wiring;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Agents;

/// <summary><c>GET /v2.0/agents/{agentId}.</c></summary>
public sealed class ShowNetworkAgent(NeutronHttp http, NetworkAgents agents)
{
    [Function(nameof(ShowNetworkAgent))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.V2 + "/agents/{agentId}")] HttpRequest req,
        string agentId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller => NeutronHttp.Json(new System.Text.Json.Nodes.JsonObject { ["agent"] = await agents.ShowAsync(caller, agentId, cancellationToken) }), cancellationToken);
}
