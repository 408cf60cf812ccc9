using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Nodes;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Nodes;

/// <summary>
/// <c>POST /compute/v2.1/os-funccloud-fleets/{fleet}/heartbeat</c>: one beat for many nodes of a fleet; 200 with
/// <see cref="FleetHeartbeatResult"/> naming the nodes to register again.
/// </summary>
public sealed class ReportFleetHeartbeat(NovaHttp http, FleetNodeService fleets)
{
    [Function(nameof(ReportFleetHeartbeat))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = NodeRoutes.FleetHeartbeat)] HttpRequest req,
        string fleet,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var heartbeat = await NodeRoutes.ReadAsync<FleetHeartbeat>(req, cancellationToken);
            return Results.Json(await fleets.HeartbeatAsync(call.Caller, fleet, heartbeat, cancellationToken), AgentJson.Options);
        }, cancellationToken);
}
