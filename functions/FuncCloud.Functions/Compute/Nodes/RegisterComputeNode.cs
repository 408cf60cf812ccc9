using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Nodes;

/// <summary><c>PUT /compute/v2.1/os-funccloud-nodes/{node}</c>: an agent registers its node (201 new, 200 known).</summary>
public sealed class RegisterComputeNode(NovaHttp http, ComputeNodeService nodes)
{
    [Function(nameof(RegisterComputeNode))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = NodeRoutes.Node)] HttpRequest req,
        string node,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var registration = await NodeRoutes.ReadAsync<ComputeNodeRegistration>(req, cancellationToken);
            var (record, created) = await nodes.RegisterAsync(call.Caller, node, registration, cancellationToken);
            return Results.Json(record, AgentJson.Options, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        }, cancellationToken);
}

/// <summary>Routes and body reading of the node API (the agent speaks <see cref="AgentJson"/>).</summary>
public static class NodeRoutes
{
    public const string Node = ComputeRoutes.V21 + "/os-funccloud-nodes/{node}";

    public const string Heartbeat = Node + "/heartbeat";

    public const string CommandSignal = Node + "/command-signal";

    public const string ResultsPosted = Node + "/results-posted";

    public const string Fleet = ComputeRoutes.V21 + "/os-funccloud-fleets/{fleet}";

    public const string FleetNodes = Fleet + "/nodes";

    public const string FleetHeartbeat = Fleet + "/heartbeat";

    public const string FleetCommandSignal = Fleet + "/command-signal";

    /// <summary>Reads an agent's body: strict JSON (see <see cref="JsonBody"/>), every non-nullable field present.</summary>
    public static Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class => JsonRequest.ReadAsync<T>(request, AgentJson.Options, cancellationToken);
}
