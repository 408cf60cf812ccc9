using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Compute.InstanceActions;
using FuncCloud.Shared.Compute.Servers;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Compute.Activities;

/// <summary>
/// Leaves a server whose step failed in a clear state: ERROR with the fault (what failed and where), no task;
/// or, for failures that changed nothing on the node, its previous vm_state. A pending delete is left alone.
/// </summary>
public sealed class FailServerStep(ServerRepository servers, InstanceActionRepository actions, TimeProvider time)
{
    [Function(nameof(FailServerStep))]
    public async Task RunAsync([ActivityTrigger] FailStepInput input, CancellationToken cancellationToken)
    {
        if (input.Step is not null)
        {
            await actions.EventFinishAsync(input.ServerId, input.RequestId, input.Step, false, input.Host, input.Fault.Message, input.Traceback, time.GetUtcNow(), cancellationToken);
        }

        await servers.UpdateAsync(input.ServerId, s =>
        {
            // A pending delete owns the server, unless it is the delete itself that failed.
            if (s.IsDeleted || (s.TaskState == TaskStates.Deleting && input.Step != ComputeSteps.Terminate))
            {
                return s;
            }

            var now = time.GetUtcNow();
            return input.KeepVmState
                ? s with { TaskState = null, UpdatedAt = now, Operation = null }
                : s with { VmState = VmStates.Error, TaskState = null, Fault = input.Fault, UpdatedAt = now, Operation = null };
        }, cancellationToken);
    }
}
