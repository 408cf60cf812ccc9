using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Wiring;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Agents;

/// <summary><c>DELETE /v2.0/agents/{agentId}/dhcp-networks/{networkId} (204).</c></summary>
public sealed class RemoveAgentDhcpNetwork(NeutronHttp http, NetworkAgents agents)
{
    [Function(nameof(RemoveAgentDhcpNetwork))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = NeutronRoutes.V2 + "/agents/{agentId}/dhcp-networks/{networkId}")] HttpRequest req,
        string agentId, string networkId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            await agents.RemoveAsync(caller, agentId, NetworkBindingKinds.Dhcp, networkId, cancellationToken);
            return NeutronHttp.NoContent();
        }, cancellationToken);
}
