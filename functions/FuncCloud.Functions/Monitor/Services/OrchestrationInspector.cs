using DurableTask.Core.History;
using FuncCloud.Functions.Monitor.Api;
using FuncCloud.Shared.Compute.InstanceActions;
using FuncCloud.Shared.Workflows;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Monitor.Services;

/// <summary>One orchestration in full: payloads, failure, history, timeline, the resource's record of it and the "why".</summary>
public sealed class OrchestrationInspector(OrchestrationViews views, HistoryTimeline timeline, WhyExplainer why, InstanceActionRepository instanceActions)
{
    /// <summary>The instance.</summary>
    /// <exception cref="OrchestrationNotFoundException">Unknown id.</exception>
    public async Task<OrchestrationDetail> GetAsync(DurableTaskClient durable, string instanceId, CancellationToken cancellationToken)
    {
        var metadata = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken)
            ?? throw new OrchestrationNotFoundException(instanceId);
        var history = await durable.GetOrchestrationHistoryAsync(instanceId, cancellationToken);
        var summary = OrchestrationViews.Summary(metadata);
        var operation = await OperationAsync(summary, cancellationToken);
        var running = metadata.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended;
        var steps = WithNodes(HistoryTimeline.Steps(history, running), operation);
        var failure = OrchestrationViews.Failure(metadata.FailureDetails);
        var reason = Reason(history, metadata.RuntimeStatus);
        var href = $"/{MonitorRoutes.Orchestrations}/{Uri.EscapeDataString(instanceId)}/payloads/";
        return new OrchestrationDetail(
            summary,
            await why.ExplainAsync(summary, failure, reason, steps, operation, cancellationToken),
            views.Payload(metadata.SerializedInput, href + "input"),
            views.Payload(metadata.SerializedOutput, href + "output"),
            views.Payload(metadata.SerializedCustomStatus, href + "custom_status"),
            failure,
            timeline.Events(instanceId, history),
            steps,
            operation,
            OrchestrationOperator.AllowedActions(metadata.RuntimeStatus));
    }

    /// <summary>One payload whole: input, output, custom_status or history-N.</summary>
    /// <exception cref="OrchestrationNotFoundException">Unknown id.</exception>
    public async Task<string?> PayloadAsync(DurableTaskClient durable, string instanceId, string part, CancellationToken cancellationToken)
    {
        var metadata = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken)
            ?? throw new OrchestrationNotFoundException(instanceId);
        if (part.StartsWith("history-", StringComparison.Ordinal) && int.TryParse(part["history-".Length..], out var index))
        {
            var history = await durable.GetOrchestrationHistoryAsync(instanceId, cancellationToken);
            var e = index >= 0 && index < history.Count ? history[index] : throw new Shared.OpenStack.Errors.ResourceNotFoundException("history event", part);
            return e switch
            {
                ExecutionStartedEvent x => x.Input,
                ExecutionCompletedEvent x => x.Result,
                ExecutionTerminatedEvent x => x.Input,
                TaskScheduledEvent x => x.Input,
                TaskCompletedEvent x => x.Result,
                SubOrchestrationInstanceCreatedEvent x => x.Input,
                SubOrchestrationInstanceCompletedEvent x => x.Result,
                EventRaisedEvent x => x.Input,
                EventSentEvent x => x.Input,
                _ => null,
            };
        }

        return part switch
        {
            "input" => metadata.SerializedInput,
            "output" => metadata.SerializedOutput,
            "custom_status" => metadata.SerializedCustomStatus,
            _ => throw new Shared.OpenStack.Errors.ResourceNotFoundException("payload", part),
        };
    }

    private async Task<ResourceOperationView?> OperationAsync(OrchestrationSummary summary, CancellationToken cancellationToken)
    {
        if (summary.Resource is not { Type: WorkflowResourceTypes.Server } server)
        {
            return null;
        }

        var action = (await instanceActions.ListAsync(server.Id, cancellationToken)).FirstOrDefault(a => a.WorkflowId == summary.InstanceId);
        return action is null ? null : ToView(action);
    }

    /// <summary>The instance action as the monitor shows it.</summary>
    public static ResourceOperationView ToView(InstanceActionRecord action) => new(
        action.Action,
        action.RequestId,
        action.Message,
        [.. action.Events.Select(e => new ResourceStepView(e.Event, e.StartTime, e.FinishTime, e.Result, e.Host, e.Details, e.Traceback))]);

    // Waits whose answer never came do not name their node in the history: the resource's open step does.
    private static IReadOnlyList<TimelineStep> WithNodes(IReadOnlyList<TimelineStep> steps, ResourceOperationView? operation)
    {
        var host = operation?.Steps.LastOrDefault(s => s.Host is not null)?.Host;
        return host is null ? steps : [.. steps.Select(s => s.Kind == "wait" && s.Node is null ? s with { Node = host, Name = "agent on " + host } : s)];
    }

    private static string? Reason(IList<HistoryEvent> history, OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Terminated => history.OfType<ExecutionTerminatedEvent>().LastOrDefault()?.Input?.Trim('"'),
        OrchestrationRuntimeStatus.Suspended => history.OfType<ExecutionSuspendedEvent>().LastOrDefault()?.Reason?.Trim('"'),
        _ => null,
    };
}
