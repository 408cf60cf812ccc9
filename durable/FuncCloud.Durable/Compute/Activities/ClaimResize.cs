using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Compute.InstanceActions;
using FuncCloud.Shared.Compute.Nodes;
using FuncCloud.Shared.Compute.Placement;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace FuncCloud.Durable.Compute.Activities;

/// <summary>
/// Claims the new flavor of a resize on the server's own node, as a second consumer (<c>{id}:resize</c>) so the
/// old sizes stay held until confirm or revert (nova's migration allocation).
/// </summary>
public sealed class ClaimResize(
    ComputeNodeRepository nodes,
    PlacementService placement,
    InstanceActionRepository actions,
    IOptions<PlacementOptions> options,
    TimeProvider time)
{
    [Function(nameof(ClaimResize))]
    public async Task<ClaimResult> RunAsync([ActivityTrigger] ClaimResizeInput input, CancellationToken cancellationToken)
    {
        await actions.EventStartAsync(input.ServerId, input.RequestId, ComputeSteps.ClaimResize, input.Host, time.GetUtcNow(), cancellationToken);
        var node = await nodes.GetAsync(input.Host, cancellationToken);
        var result = node is null
            ? new ClaimResult(false, $"node {input.Host} is not registered")
            : await placement.ClaimAsync(input.Host, options.Value.InventoryOf(node.Resources), PlacementService.ResizeConsumer(input.ServerId), ResourceAmounts.Of(input.NewFlavor), cancellationToken);
        var message = result.Claimed ? null : $"No valid host was found. Resize to {input.NewFlavor.Name} {result.Reason}.";
        await actions.EventFinishAsync(input.ServerId, input.RequestId, ComputeSteps.ClaimResize, result.Claimed, input.Host, message, message, time.GetUtcNow(), cancellationToken);
        return result with { Reason = message };
    }
}
