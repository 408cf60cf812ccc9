using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Nodes;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Nodes;

/// <summary>
/// <c>PUT /compute/v2.1/os-funccloud-fleets/{fleet}/nodes</c>: a fleet (one agent process simulating many Fake nodes)
/// registers up to 100 nodes at once (one table transaction); 200 with <see cref="FleetRegistrationResult"/>.
/// </summary>
public sealed class RegisterFleetNodes(NovaHttp http, FleetNodeService fleets)
{
    [Function(nameof(RegisterFleetNodes))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = NodeRoutes.FleetNodes)] HttpRequest req,
        string fleet,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var registration = await NodeRoutes.ReadAsync<FleetRegistration>(req, cancellationToken);
            return Results.Json(await fleets.RegisterAsync(call.Caller, fleet, registration, cancellationToken), AgentJson.Options);
        }, cancellationToken);
}
