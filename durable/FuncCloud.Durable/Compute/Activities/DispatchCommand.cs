using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Compute.InstanceActions;
using FuncCloud.Shared.Compute.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace FuncCloud.Durable.Compute.Activities;

/// <summary>
/// Records a step as started and puts its command on the node's queue. Returns whether the node is up: a
/// workflow does not wait for a down node (the command stays queued for its agent).
/// </summary>
public sealed class DispatchCommand(
    ComputeNodeRepository nodes,
    InstanceActionRepository actions,
    AgentCommandSender sender,
    IOptions<ComputeNodeOptions> options,
    TimeProvider time)
{
    [Function(nameof(DispatchCommand))]
    public async Task<bool> RunAsync([ActivityTrigger] DispatchCommandInput input, CancellationToken cancellationToken)
    {
        await actions.EventStartAsync(input.ServerId, input.RequestId, input.Step, input.Node, time.GetUtcNow(), cancellationToken);
        await sender.SendAsync(input.Node, input.Command, cancellationToken);
        var node = await nodes.GetAsync(input.Node, cancellationToken);
        return node is not null && node.IsUp(time.GetUtcNow(), options.Value.DownAfter);
    }
}
