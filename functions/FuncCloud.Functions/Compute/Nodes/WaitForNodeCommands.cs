using System.Globalization;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Nodes;

/// <summary>
/// <c>GET /compute/v2.1/os-funccloud-nodes/{node}/command-signal?since=N&amp;wait=S</c>: the agent's long-poll. Answers
/// <see cref="CommandSignal"/> as soon as this process enqueues a command for the node, or after S seconds (at
/// most <see cref="MaxWait"/>), so an idle agent starts a command in milliseconds without polling its queue
/// often. Costs no storage transaction while it waits.
/// </summary>
public sealed class WaitForNodeCommands(NovaHttp http, ComputeNodeService nodes, NodeCommandSignals signals)
{
    /// <summary>Longest wait a caller may ask for: under every proxy's and client's idle timeout.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(25);

    [Function(nameof(WaitForNodeCommands))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NodeRoutes.CommandSignal)] HttpRequest req,
        string node,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            nodes.AuthorizeAgent(call.Caller);
            var since = Number(req, "since", -1);
            var wait = TimeSpan.FromSeconds(Math.Clamp(Number(req, "wait", 0), 0, (long)MaxWait.TotalSeconds));
            var sequence = await signals.WaitAsync(node, since, wait, cancellationToken);
            return Results.Json(new CommandSignal(sequence), AgentJson.Options);
        }, cancellationToken);

    internal static long Number(HttpRequest req, string name, long fallback)
    {
        var text = req.Query[name].FirstOrDefault();
        return text is null ? fallback
            : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
            : throw new BadRequestException($"Invalid {name} value '{text}': an integer is expected.");
    }
}
