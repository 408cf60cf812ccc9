using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Nodes;

/// <summary>
/// <c>GET /compute/v2.1/os-funccloud-fleets/{fleet}/command-signal?since=N&amp;wait=S</c>: the agent's long-poll. Answers
/// <see cref="CommandSignal"/> as soon as this process enqueues a command for any node of the fleet, or after S seconds (at
/// most <see cref="MaxWait"/>), so an idle fleet starts a command in milliseconds without polling its queue
/// often. Costs no storage transaction while it waits.
/// </summary>
public sealed class WaitForFleetCommands(NovaHttp http, ComputeNodeService nodes, NodeCommandSignals signals)
{
    /// <summary>Longest wait a caller may ask for: under every proxy's and client's idle timeout.</summary>
    public static readonly TimeSpan MaxWait = WaitForNodeCommands.MaxWait;

    [Function(nameof(WaitForFleetCommands))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NodeRoutes.FleetCommandSignal)] HttpRequest req,
        string fleet,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            nodes.AuthorizeAgent(call.Caller);
            if (!AgentQueueNames.IsValidNodeName(fleet))
            {
                throw new BadRequestException($"Fleet name '{fleet}' must be a lower-case DNS label of at most 40 characters.");
            }

            var since = WaitForNodeCommands.Number(req, "since", -1);
            var wait = TimeSpan.FromSeconds(Math.Clamp(WaitForNodeCommands.Number(req, "wait", 0), 0, (long)MaxWait.TotalSeconds));
            var sequence = await signals.WaitAsync(AgentQueueNames.FleetSignal(fleet), since, wait, cancellationToken);
            return Results.Json(new CommandSignal(sequence), AgentJson.Options);
        }, cancellationToken);
}
