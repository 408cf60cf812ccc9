using FuncCloud.Durable.Compute.Activities;
using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Compute.Placement;
using FuncCloud.Shared.Compute.Servers;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Durable.Compute.Orchestrators;

/// <summary>
/// One agent-backed server action (reboot, stop, start, pause, unpause, suspend, resume, rebuild, resize,
/// confirm/revert resize): for resize a claim of the new flavor first, then the command, the wait, and the
/// server's new state from the transition table. A failure leaves ERROR with the fault (a resize that found
/// no room only clears the task, as nova does) and gives back what the action had claimed.
/// createImage (nova's snapshot) moves image_snapshot → image_pending_upload once the node has the command;
/// its failure deletes the queued image and only clears the task (the guest is untouched, as in nova).
/// Instance id: <see cref="ComputeWorkflowIds.Action"/>.
/// </summary>
public static partial class ServerActionWorkflow
{
    [Function(nameof(ServerActionWorkflow))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<ServerActionInput>()!;
        var logger = context.CreateReplaySafeLogger(nameof(ServerActionWorkflow));
        var step = ComputeSteps.Of(input.Action);
        if (input.Action == ServerActions.Resize)
        {
            var claim = await context.CallActivityAsync<ClaimResult>(nameof(ClaimResize), new ClaimResizeInput(input.ServerId, input.RequestId, input.Host, input.NewFlavor!));
            if (!claim.Claimed)
            {
                var noRoom = new ServerFault(500, claim.Reason!, null, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero));
                await ServerFailures.FailStepAsync(context, new FailStepInput(input.ServerId, input.RequestId, null, input.Host, noRoom, null, KeepVmState: true));
                return;
            }
        }

        var command = AgentCalls.Command(context, input.Kind, input.Payload, input.AgentTimeoutSeconds);
        await context.CallActivityAsync<bool>(nameof(DispatchCommand), new DispatchCommandInput(input.ServerId, input.RequestId, step, input.Host, command));
        var snapshot = input.Action == ServerActions.CreateImage && input.SnapshotImageId is not null;
        if (snapshot)
        {
            await context.CallActivityAsync<bool>(nameof(AdvanceTaskState), new AdvanceTaskStateInput(input.ServerId, TaskStates.ImageSnapshot, TaskStates.ImagePendingUpload));
        }

        var result = await AgentCalls.WaitAsync(context, command, input.AgentTimeoutSeconds);
        if (result is not { Success: true })
        {
            var fault = AgentCalls.Fault(context, snapshot ? "Snapshot of instance" : $"{Capitalized(input.Action)} of instance", input.Host, command, result, input.AgentTimeoutSeconds);
            LogActionFailed(logger, input.ServerId, input.Action, fault.Message);
            if (snapshot)
            {
                var discarded = await context.CallActivityAsync<bool>(nameof(DiscardSnapshotImage), new DiscardSnapshotImageInput(input.ServerId, input.SnapshotImageId!));
                var detail = discarded ? $"{fault.Details}\n  image {input.SnapshotImageId} deleted" : fault.Details;
                await ServerFailures.FailStepAsync(context, new FailStepInput(input.ServerId, input.RequestId, step, input.Host, fault, detail, KeepVmState: true));
                return;
            }

            await ServerFailures.FailStepAsync(context, new FailStepInput(input.ServerId, input.RequestId, step, input.Host, fault, fault.Details));
            if (input.Action == ServerActions.Resize)
            {
                await context.CallActivityAsync(nameof(ReleaseClaims), new ReleaseClaimsInput(input.ServerId, input.Host, PlacementService.ResizeConsumer(input.ServerId)));
            }

            return;
        }

        await context.CallActivityAsync<StepOutcome>(
            nameof(CompleteServerStep), new CompleteStepInput(input.ServerId, input.RequestId, input.Action, step, input.Host, result, input.NewFlavor, input.NewImageId));
    }

    private static string Capitalized(string action) => action.Length == 0 ? action : char.ToUpperInvariant(action[0]) + action[1..].Replace('_', ' ');

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "Server {serverId}: {action} failed: {message}")]
    private static partial void LogActionFailed(ILogger logger, string serverId, string action, string message);
}
