using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Wiring;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Agents;

/// <summary><c>DELETE /v2.0/agents/{agentId}/l3-routers/{routerId} (204).</c></summary>
public sealed class RemoveAgentL3Router(NeutronHttp http, NetworkAgents agents)
{
    [Function(nameof(RemoveAgentL3Router))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = NeutronRoutes.V2 + "/agents/{agentId}/l3-routers/{routerId}")] HttpRequest req,
        string agentId, string routerId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            await agents.RemoveAsync(caller, agentId, NetworkBindingKinds.L3, routerId, cancellationToken);
            return NeutronHttp.NoContent();
        }, cancellationToken);
}
