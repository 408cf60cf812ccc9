using Microsoft.DurableTask;

namespace FuncCloud.LocalHost.Durable;

/// <summary>Reads the event history of an orchestration instance (what the workflow monitor shows).</summary>
public interface IOrchestrationHistoryReader
{
    /// <summary>The events of the instance's latest execution, oldest first.</summary>
    /// <exception cref="ArgumentException">No instance has this id.</exception>
    Task<IReadOnlyList<OrchestrationHistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default);
}

/// <summary>One event of an orchestration's history.</summary>
/// <param name="EventId">The event's sequence id within the execution (-1 for events that came from outside).</param>
/// <param name="EventType">The DTFx event type: ExecutionStarted, TaskScheduled, TaskCompleted, TaskFailed, TimerCreated,
/// TimerFired, EventRaised, SubOrchestrationInstanceCreated/Completed/Failed, ExecutionSuspended/Resumed/Terminated,
/// ExecutionCompleted, OrchestratorStarted/Completed ...</param>
/// <param name="Timestamp">When the event was recorded (UTC).</param>
/// <param name="Name">The orchestration, activity, sub-orchestration or event name, when the event has one.</param>
/// <param name="TaskScheduledId">For completions and failures: the <paramref name="EventId"/> of the scheduling event.</param>
/// <param name="Input">The serialized input, event payload or termination reason.</param>
/// <param name="Result">The serialized result of an activity, sub-orchestration or execution.</param>
/// <param name="FireAt">For timers: when the timer fires (UTC).</param>
/// <param name="InstanceId">For sub-orchestrations and sent events: the other instance's id.</param>
/// <param name="Status">For ExecutionCompleted: the final runtime status.</param>
/// <param name="Failure">For failures: the error type and message.</param>
public sealed record OrchestrationHistoryEvent(
    int EventId,
    string EventType,
    DateTime Timestamp,
    string? Name = null,
    int? TaskScheduledId = null,
    string? Input = null,
    string? Result = null,
    DateTime? FireAt = null,
    string? InstanceId = null,
    string? Status = null,
    TaskFailureDetails? Failure = null);
