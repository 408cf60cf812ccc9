using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Compute.InstanceActions;
using FuncCloud.Shared.Compute.Placement;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Telemetry.Samples;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Compute.Activities;

/// <summary>
/// Applies a successful agent step to the server through the transition table (and placement for resize
/// confirm/revert), and records the step as finished. A delete that arrived meanwhile wins: the server is
/// left to the teardown and the outcome says so.
/// </summary>
public sealed class CompleteServerStep(ServerRepository servers, PlacementService placement, InstanceActionRepository actions, TimeProvider time, IMeterEmitter meters)
{
    [Function(nameof(CompleteServerStep))]
    public async Task<StepOutcome> RunAsync([ActivityTrigger] CompleteStepInput input, CancellationToken cancellationToken)
    {
        var reported = input.Result.Output is null ? null : input.Result.ReadOutput<InstanceStateOutput>().Instance?.PowerState;
        string? deleteRequest = null;
        switch (input.Action)
        {
            case ServerActions.ConfirmResize:
                await placement.MoveAsync(input.Host, PlacementService.ResizeConsumer(input.ServerId), input.ServerId, cancellationToken);
                break;
            case ServerActions.RevertResize:
                await placement.ReleaseAsync(input.Host, PlacementService.ResizeConsumer(input.ServerId), cancellationToken);
                break;
        }

        var updated = await servers.UpdateAsync(input.ServerId, s =>
        {
            if (s.TaskState == TaskStates.Deleting || s.IsDeleted)
            {
                deleteRequest = s.DeleteRequestId ?? input.RequestId;
                return s;
            }

            var now = time.GetUtcNow();
            return input.Action switch
            {
                ServerActions.Create => s with { VmState = VmStates.Active, TaskState = null, PowerState = reported ?? Shared.Compute.PowerState.Running, LaunchedAt = now, UpdatedAt = now, Operation = null, Fault = null },
                ServerActions.Resize => ServerTransitions.Complete(s, input.Action, reported, now) with { OldFlavor = s.Flavor, Flavor = input.NewFlavor ?? s.Flavor, Operation = null },
                ServerActions.ConfirmResize or ServerActions.RevertResize => s with
                {
                    VmState = reported == Shared.Compute.PowerState.Shutdown ? VmStates.Stopped : VmStates.Active,
                    TaskState = null,
                    PowerState = reported ?? s.PowerState,
                    Flavor = input.Action == ServerActions.RevertResize ? s.OldFlavor ?? s.Flavor : s.Flavor,
                    OldFlavor = null,
                    UpdatedAt = now,
                    Operation = null,
                },
                ServerActions.Rebuild => ServerTransitions.Complete(s, input.Action, reported, now) with { ImageId = input.NewImageId ?? s.ImageId, Operation = null },
                _ => ServerTransitions.Complete(s, input.Action, reported, now) with { Operation = null },
            };
        }, cancellationToken);

        if (deleteRequest is null && updated is not null && input.Action is ServerActions.Create or ServerActions.Resize or ServerActions.RevertResize)
        {
            await meters.EmitAsync(InstanceMeters.Changed(input.ServerId, updated.Flavor.Vcpus, updated.Flavor.RamMb, time.GetUtcNow()), cancellationToken);
        }

        if (deleteRequest is null)
        {
            await actions.EventFinishAsync(input.ServerId, input.RequestId, input.Step, true, input.Host,
                input.Result.ReadOutput<InstanceStateOutput>().Recovered ? "Completed by the agent after a restart (journal recovery)" : null,
                null, time.GetUtcNow(), cancellationToken);
        }
        else
        {
            await actions.EventFinishAsync(input.ServerId, input.RequestId, input.Step, false, input.Host,
                "Deleted while building", "The server was deleted while it was building; the spawned instance is destroyed.", time.GetUtcNow(), cancellationToken);
        }

        return new StepOutcome(deleteRequest is null, deleteRequest);
    }
}
