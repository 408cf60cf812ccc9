using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Wiring;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Agents;

/// <summary><c>GET /v2.0/networks/{networkId}/dhcp-agents: the DHCP agent serving the network.</c></summary>
public sealed class ListNetworkDhcpAgents(NeutronHttp http, NetworkAgents agents)
{
    [Function(nameof(ListNetworkDhcpAgents))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.V2 + "/networks/{networkId}/dhcp-agents")] HttpRequest req,
        string networkId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller => NeutronHttp.Json(new System.Text.Json.Nodes.JsonObject { ["agents"] = await agents.HostingAsync(caller, NetworkBindingKinds.Dhcp, networkId, cancellationToken) }), cancellationToken);
}
