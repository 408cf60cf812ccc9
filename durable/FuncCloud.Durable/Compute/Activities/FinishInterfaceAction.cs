using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Compute.InstanceActions;
using FuncCloud.Shared.Compute.Servers;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Compute.Activities;

/// <summary>
/// Closes an interface workflow: its instance action event finishes (with the error, if any), and the server's
/// <c>Operation</c> is cleared when it still names this workflow (it routed network-vif-plugged here).
/// </summary>
public sealed class FinishInterfaceAction(ServerRepository servers, InstanceActionRepository actions, TimeProvider time)
{
    [Function(nameof(FinishInterfaceAction))]
    public async Task RunAsync([ActivityTrigger] FinishInterfaceActionInput input, CancellationToken cancellationToken)
    {
        await actions.EventFinishAsync(input.ServerId, input.RequestId, input.Step, input.Error is null, input.Node, input.Error, input.Error, time.GetUtcNow(), cancellationToken);
        await servers.UpdateAsync(input.ServerId, s => s.Operation == input.InstanceId ? s with { Operation = null } : s, cancellationToken);
    }
}
