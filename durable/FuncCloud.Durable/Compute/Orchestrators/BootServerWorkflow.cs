using FuncCloud.Durable.Compute.Activities;
using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Compute.Servers;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Durable.Compute.Orchestrators;

/// <summary>
/// Builds a server: schedule + claim, allocate its ports on that node, place on the node and send the spawn, wait for the agent, ACTIVE.
/// Every failure compensates (the claim is released, the agent told to destroy what it may have built) and
/// leaves ERROR with a fault naming the step and the node. A delete during the build wins: the workflow lets
/// an in-flight spawn settle (bounded), destroys it, releases the claim and ends the server DELETED.
/// Instance id: <see cref="ComputeWorkflowIds.Create"/>.
/// </summary>
public static partial class BootServerWorkflow
{
    [Function(nameof(BootServerWorkflow))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<BootServerInput>()!;
        var logger = context.CreateReplaySafeLogger(nameof(BootServerWorkflow));
        var deleteRequested = context.WaitForExternalEvent<DeleteRequest>(ComputeEvents.DeleteRequested);

        var placement = await context.CallActivityAsync<ScheduleServerOutcome>(
            nameof(ScheduleServer), new ScheduleServerInput(input.ServerId, input.RequestId, input.ImageProperties, input.ForcedHost));
        if (placement.DeleteRequestId is { } earlyDelete)
        {
            await ServerTeardown.RunAsync(context, input.ServerId, earlyDelete, null, input.AgentTimeoutSeconds);
            return;
        }

        if (placement.Node is not { } node)
        {
            LogNoValidHost(logger, input.ServerId, placement.Reason);
            var noHost = new ServerFault(500, placement.Reason!, $"NoValidHost in step {ComputeSteps.Schedule}: {placement.Reason}", new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero));
            await ServerFailures.FailStepAsync(context, new FailStepInput(input.ServerId, input.RequestId, null, null, noHost, null));
            return;
        }

        if (await ServerPorts.AllocateAsync(context, input, node, placement.AvailabilityZone, deleteRequested) is not { } ports)
        {
            return;
        }

        if (await ServerBlockDevices.PrepareAsync(context, input, node) is not { } instance)
        {
            return;
        }

        var spawn = AgentCalls.Command(context, new SpawnCommand(instance with { Ports = ports }), input.AgentTimeoutSeconds);
        var begun = await context.CallActivityAsync<StepOutcome>(nameof(BeginSpawn), new BeginSpawnInput(input.ServerId, input.RequestId, node, placement.AvailabilityZone, spawn));
        if (begun.DeleteRequestId is { } deleteBeforeSpawn)
        {
            // Deleted between the claim and the spawn: nothing was sent to the node; the teardown releases the claim.
            await ServerTeardown.RunAsync(context, input.ServerId, deleteBeforeSpawn, null, input.AgentTimeoutSeconds);
            return;
        }

        var result = AgentCalls.WaitAsync(context, spawn, input.AgentTimeoutSeconds);
        await Task.WhenAny(result, deleteRequested);
        var spawned = await result; // a delete still lets the spawn settle, so what it built is destroyed after it
        if (deleteRequested.IsCompleted)
        {
            LogDeletedWhileBuilding(logger, input.ServerId, node);
            await FinishStepAsDeletedAsync(context, input, node, spawned);
            await ServerTeardown.RunAsync(context, input.ServerId, deleteRequested.Result.RequestId, node, input.AgentTimeoutSeconds);
            return;
        }

        if (spawned is not { Success: true })
        {
            var fault = AgentCalls.Fault(context, "Build of instance", node, spawn, spawned, input.AgentTimeoutSeconds);
            LogSpawnFailed(logger, input.ServerId, node, fault.Message);
            await ServerFailures.FailStepAsync(context, new FailStepInput(input.ServerId, input.RequestId, ComputeSteps.Spawn, node, fault, fault.Details));
            await CompensateAsync(context, input, node, spawned is null);
            return;
        }

        var outcome = await context.CallActivityAsync<StepOutcome>(
            nameof(CompleteServerStep), new CompleteStepInput(input.ServerId, input.RequestId, ServerActions.Create, ComputeSteps.Spawn, node, spawned, null, null));
        if (outcome.DeleteRequestId is { } lateDelete)
        {
            await ServerTeardown.RunAsync(context, input.ServerId, lateDelete, node, input.AgentTimeoutSeconds);
        }
    }

    // A failed spawn cleans up after itself on the node (driver contract); an unanswered one may still run
    // there, so the agent is told to destroy it (the command waits in the queue if the agent is away).
    private static async Task CompensateAsync(TaskOrchestrationContext context, BootServerInput input, string node, bool unanswered)
    {
        if (unanswered)
        {
            var destroy = AgentCalls.Command(context, new DestroyCommand(input.ServerId), input.AgentTimeoutSeconds);
            await context.CallActivityAsync<bool>(nameof(DispatchCommand), new DispatchCommandInput(input.ServerId, input.RequestId, "compute_cleanup_failed_build", node, destroy));
        }

        await ServerPorts.ReleaseAsync(context, input.ServerId);
        await context.CallActivityAsync(nameof(ReleaseClaims), new ReleaseClaimsInput(input.ServerId, null, null));
    }

    private static Task FinishStepAsDeletedAsync(TaskOrchestrationContext context, BootServerInput input, string node, Shared.Agents.AgentResult? spawned) =>
        spawned is { Success: true }
            ? context.CallActivityAsync<StepOutcome>(nameof(CompleteServerStep), new CompleteStepInput(input.ServerId, input.RequestId, ServerActions.Create, ComputeSteps.Spawn, node, spawned, null, null))
            : Task.CompletedTask;

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Server {serverId}: {reason}")]
    private static partial void LogNoValidHost(ILogger logger, string serverId, string? reason);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Server {serverId}: spawn on {node} failed: {message}")]
    private static partial void LogSpawnFailed(ILogger logger, string serverId, string node, string message);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Server {serverId} deleted while building on {node}: tearing down")]
    private static partial void LogDeletedWhileBuilding(ILogger logger, string serverId, string node);
}
