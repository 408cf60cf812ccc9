using FuncCloud.Functions.Network.Services;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Wiring;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Agents;

/// <summary><c>POST /v2.0/agents/{agentId}/dhcp-networks with network_id: schedule the network's DHCP to the agent (201).</c></summary>
public sealed class AddAgentDhcpNetwork(NeutronHttp http, NetworkAgents agents)
{
    [Function(nameof(AddAgentDhcpNetwork))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = NeutronRoutes.V2 + "/agents/{agentId}/dhcp-networks")] HttpRequest req,
        string agentId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) =>
        {
            await agents.AddAsync(caller, agentId, NetworkBindingKinds.Dhcp, body.Str("network_id") ?? throw NeutronException.BadRequest("Failed to parse request. Required attribute 'network_id' not specified", "HTTPBadRequest"), cancellationToken);
            // neutron answers the scheduling POST with a JSON null (openstacksdk parses the body).
            return Results.Text("null", "application/json", statusCode: StatusCodes.Status201Created);
        }, cancellationToken);
}
