using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Nodes;

/// <summary>
/// <c>POST /compute/v2.1/os-funccloud-nodes/{node}/results-posted</c>: 204. The agent has just put results on the
/// results queue; the host's listener of that queue polls now rather than at the end of its idle back-off
/// (<see cref="IQueueListenerWake"/>, where the host offers it). The queue stays the delivery path.
/// </summary>
public sealed class ReportResultsPosted(NovaHttp http, ComputeNodeService nodes, StorageNames names, IQueueListenerWake? wake = null)
{
    [Function(nameof(ReportResultsPosted))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = NodeRoutes.ResultsPosted)] HttpRequest req,
        string node,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, call =>
        {
            nodes.AuthorizeAgent(call.Caller);
            wake?.Wake(names.Queue(AgentQueueNames.Results));
            return Task.FromResult(NovaHttp.Empty(StatusCodes.Status204NoContent));
        }, cancellationToken);
}
