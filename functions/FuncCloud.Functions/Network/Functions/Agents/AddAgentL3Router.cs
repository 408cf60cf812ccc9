using FuncCloud.Functions.Network.Services;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Wiring;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Agents;

/// <summary><c>POST /v2.0/agents/{agentId}/l3-routers with router_id: host the router on the agent's node (201).</c></summary>
public sealed class AddAgentL3Router(NeutronHttp http, NetworkAgents agents)
{
    [Function(nameof(AddAgentL3Router))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = NeutronRoutes.V2 + "/agents/{agentId}/l3-routers")] HttpRequest req,
        string agentId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) =>
        {
            await agents.AddAsync(caller, agentId, NetworkBindingKinds.L3, body.Str("router_id") ?? throw NeutronException.BadRequest("Failed to parse request. Required attribute 'router_id' not specified", "HTTPBadRequest"), cancellationToken);
            // neutron answers the scheduling POST with a JSON null (openstacksdk parses the body).
            return Results.Text("null", "application/json", statusCode: StatusCodes.Status201Created);
        }, cancellationToken);
}
