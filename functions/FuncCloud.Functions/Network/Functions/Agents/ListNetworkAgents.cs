using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Wiring;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Agents;

/// <summary><c>GET /v2.0/agents: the L2, DHCP and L3 agents of the nodes, with alive from heartbeats (admin).</c></summary>
public sealed class ListNetworkAgents(NeutronHttp http, NetworkAgents agents)
{
    [Function(nameof(ListNetworkAgents))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.V2 + "/agents")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller => NeutronHttp.Json(new System.Text.Json.Nodes.JsonObject { ["agents"] = await agents.ListAsync(caller, req.Query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())), cancellationToken) }), cancellationToken);
}
