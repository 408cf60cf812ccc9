using FuncCloud.Shared.Agents.Nodes;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Nodes;

/// <summary><c>POST /compute/v2.1/os-funccloud-nodes/{node}/heartbeat</c>: 204, or 404 when the node is unknown.</summary>
public sealed class ReportComputeNodeHeartbeat(NovaHttp http, ComputeNodeService nodes)
{
    [Function(nameof(ReportComputeNodeHeartbeat))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = NodeRoutes.Heartbeat)] HttpRequest req,
        string node,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var heartbeat = await NodeRoutes.ReadAsync<ComputeNodeHeartbeat>(req, cancellationToken);
            return await nodes.HeartbeatAsync(call.Caller, node, heartbeat, cancellationToken)
                ? NovaHttp.Empty(StatusCodes.Status204NoContent)
                : throw ComputeResourceNotFoundException.Host(node);
        }, cancellationToken);
}
