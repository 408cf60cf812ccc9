using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Compute.Placement;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Compute.Activities;

/// <summary>Gives back placement allocations: one consumer on one node, or everything a server holds anywhere.</summary>
public sealed class ReleaseClaims(PlacementService placement)
{
    [Function(nameof(ReleaseClaims))]
    public async Task RunAsync([ActivityTrigger] ReleaseClaimsInput input, CancellationToken cancellationToken)
    {
        if (input.Node is { } node)
        {
            await placement.ReleaseAsync(node, input.Consumer ?? input.ServerId, cancellationToken);
        }
        else
        {
            await placement.ReleaseEverywhereAsync(input.ServerId, cancellationToken);
        }
    }
}
