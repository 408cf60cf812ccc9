using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Compute.InstanceActions;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Telemetry.Samples;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Compute.Activities;

/// <summary>Marks a server DELETED (its claims are released and its instance destroyed by then) and finishes the step.</summary>
public sealed class FinishDelete(ServerRepository servers, InstanceActionRepository actions, TimeProvider time, IMeterEmitter meters)
{
    [Function(nameof(FinishDelete))]
    public async Task RunAsync([ActivityTrigger] FinishDeleteInput input, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await servers.UpdateAsync(input.ServerId, s => s with
        {
            VmState = VmStates.Deleted,
            TaskState = null,
            PowerState = PowerState.NoState,
            TerminatedAt = now,
            UpdatedAt = now,
            Operation = null,
        }, cancellationToken);
        await meters.EmitAsync(InstanceMeters.Deleted(input.ServerId, now), cancellationToken);
        await actions.EventFinishAsync(input.ServerId, input.RequestId, ComputeSteps.Terminate, true, input.Host, input.Details, null, now, cancellationToken);
    }
}
