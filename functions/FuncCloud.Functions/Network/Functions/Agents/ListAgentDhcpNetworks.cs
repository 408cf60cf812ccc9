using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Wiring;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Agents;

/// <summary><c>GET /v2.0/agents/{agentId}/dhcp-networks: the networks a DHCP agent serves.</c></summary>
public sealed class ListAgentDhcpNetworks(NeutronHttp http, NetworkAgents agents)
{
    [Function(nameof(ListAgentDhcpNetworks))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.V2 + "/agents/{agentId}/dhcp-networks")] HttpRequest req,
        string agentId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller => NeutronHttp.Json(new System.Text.Json.Nodes.JsonObject { ["networks"] = await agents.HostedAsync(caller, agentId, NetworkBindingKinds.Dhcp, cancellationToken) }), cancellationToken);
}
