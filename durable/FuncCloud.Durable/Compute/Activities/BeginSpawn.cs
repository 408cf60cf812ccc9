using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Compute.InstanceActions;
using FuncCloud.Shared.Compute.Servers;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Compute.Activities;

/// <summary>
/// Puts a scheduled server on its node (host, zone, task_state spawning) and sends the spawn command. Returns
/// the delete's request id, sending nothing, when a delete got there first.
/// </summary>
public sealed class BeginSpawn(ServerRepository servers, InstanceActionRepository actions, AgentCommandSender sender, TimeProvider time)
{
    [Function(nameof(BeginSpawn))]
    public async Task<StepOutcome> RunAsync([ActivityTrigger] BeginSpawnInput input, CancellationToken cancellationToken)
    {
        string? deleteRequest = null;
        await servers.UpdateAsync(input.ServerId, s =>
        {
            deleteRequest = s.TaskState == TaskStates.Deleting || s.IsDeleted ? s.DeleteRequestId ?? input.RequestId : null;
            return deleteRequest is not null ? s : s with { Host = input.Node, AvailabilityZone = input.AvailabilityZone, TaskState = TaskStates.Spawning, UpdatedAt = time.GetUtcNow() };
        }, cancellationToken);
        if (deleteRequest is not null)
        {
            return new StepOutcome(false, deleteRequest);
        }

        await actions.EventStartAsync(input.ServerId, input.RequestId, ComputeSteps.Spawn, input.Node, time.GetUtcNow(), cancellationToken);
        await sender.SendAsync(input.Node, input.Command, cancellationToken);
        return new StepOutcome(true, null);
    }
}
