using System.Text.Json;
using DurableTask.Core;
using DurableTask.Core.History;
using FuncCloud.Functions.Monitor.Api;
using FuncCloud.Shared.Agents;
using Microsoft.DurableTask;

namespace FuncCloud.Functions.Monitor.Services;

/// <summary>
/// Reads a DTFx history into typed events and a timeline: activities paired with their completion or
/// failure (retries numbered), timers, waits on agents (the wait's timeout timer up to the agent's result,
/// which names the node), other external events and sub-orchestrations.
/// </summary>
public sealed class HistoryTimeline(OrchestrationViews views)
{
    private const string AgentResultPrefix = "agent-result:";

    /// <summary>The typed events, oldest first (orchestrator replay markers left out).</summary>
    public IReadOnlyList<HistoryEventView> Events(string instanceId, IList<HistoryEvent> history)
    {
        var scheduledNames = history.OfType<TaskScheduledEvent>().ToDictionary(e => e.EventId, e => e.Name);
        var attempts = Attempts(history);
        var list = new List<HistoryEventView>();
        for (var i = 0; i < history.Count; i++)
        {
            var e = history[i];
            var at = new DateTimeOffset(DateTime.SpecifyKind(e.Timestamp, DateTimeKind.Utc));
            var href = $"/{MonitorRoutes.Orchestrations}/{Uri.EscapeDataString(instanceId)}/payloads/history-{i}";
            HistoryEventView View(string kind, string? name = null, int? scheduled = null, string? payload = null, FailureDetails? failure = null) =>
                new(i, e.EventId, kind, at, name, scheduled, null, null, null, null, views.Payload(payload, href), Failure(failure));
            HistoryEventView? view = e switch
            {
                ExecutionStartedEvent x => View("execution_started", x.Name, payload: x.Input),
                ExecutionCompletedEvent x => View("execution_completed", x.OrchestrationStatus.ToString(), payload: x.Result, failure: x.FailureDetails),
                ExecutionTerminatedEvent x => View("execution_terminated", payload: x.Input),
                ExecutionSuspendedEvent x => View("execution_suspended", payload: x.Reason),
                ExecutionResumedEvent x => View("execution_resumed", payload: x.Reason),
                TaskScheduledEvent x => View("activity_scheduled", x.Name, payload: x.Input) with { Attempt = attempts.GetValueOrDefault(x.EventId, 1) },
                TaskCompletedEvent x => View("activity_completed", scheduledNames.GetValueOrDefault(x.TaskScheduledId), x.TaskScheduledId, x.Result)
                    with { Attempt = attempts.GetValueOrDefault(x.TaskScheduledId, 1) },
                TaskFailedEvent x => View("activity_failed", scheduledNames.GetValueOrDefault(x.TaskScheduledId), x.TaskScheduledId, failure: x.FailureDetails ?? Legacy(x.Reason, x.Details))
                    with { Attempt = attempts.GetValueOrDefault(x.TaskScheduledId, 1) },
                SubOrchestrationInstanceCreatedEvent x => View("suborchestration_created", x.Name, payload: x.Input) with { InstanceId = x.InstanceId },
                SubOrchestrationInstanceCompletedEvent x => View("suborchestration_completed", scheduled: x.TaskScheduledId, payload: x.Result),
                SubOrchestrationInstanceFailedEvent x => View("suborchestration_failed", scheduled: x.TaskScheduledId, failure: x.FailureDetails ?? Legacy(x.Reason, x.Details)),
                TimerCreatedEvent x => View("timer_created") with { FireAt = Utc(x.FireAt) },
                TimerFiredEvent x => View("timer_fired", scheduled: x.TimerId) with { FireAt = Utc(x.FireAt) },
                EventRaisedEvent x => View("event_raised", x.Name, payload: x.Input) with { Node = AgentNode(x) },
                EventSentEvent x => View("event_sent", x.Name, payload: x.Input) with { InstanceId = x.InstanceId },
                _ => null,
            };
            if (view is not null)
            {
                list.Add(view);
            }
        }

        return list;
    }

    /// <summary>The steps for the Gantt view; open steps end at null.</summary>
    public static IReadOnlyList<TimelineStep> Steps(IList<HistoryEvent> history, bool running)
    {
        var steps = new List<TimelineStep>();
        var attempts = Attempts(history);
        var firedTimers = history.OfType<TimerFiredEvent>().ToDictionary(t => t.TimerId, t => t);
        var completions = history.Where(e => e is TaskCompletedEvent or TaskFailedEvent or SubOrchestrationInstanceCompletedEvent or SubOrchestrationInstanceFailedEvent)
            .GroupBy(ScheduledId).ToDictionary(g => g.Key, g => g.First());
        var raised = history.OfType<EventRaisedEvent>().ToList();
        var usedEvents = new HashSet<EventRaisedEvent>();
        foreach (var e in history)
        {
            switch (e)
            {
                case TaskScheduledEvent task:
                    {
                        completions.TryGetValue(task.EventId, out var done);
                        var failed = done as TaskFailedEvent;
                        steps.Add(new TimelineStep(
                            "activity", task.Name ?? "activity", Utc(task.Timestamp), done is null ? null : Utc(done.Timestamp),
                            done is null ? (running ? "running" : "cancelled") : failed is null ? "completed" : "failed",
                            attempts.GetValueOrDefault(task.EventId, 1), null, failed is null ? null : (failed.FailureDetails?.ErrorMessage ?? failed.Reason)));
                        break;
                    }

                case SubOrchestrationInstanceCreatedEvent sub:
                    {
                        completions.TryGetValue(sub.EventId, out var done);
                        var failed = done as SubOrchestrationInstanceFailedEvent;
                        steps.Add(new TimelineStep(
                            "suborchestration", sub.Name ?? "suborchestration", Utc(sub.Timestamp), done is null ? null : Utc(done.Timestamp),
                            done is null ? (running ? "running" : "cancelled") : failed is null ? "completed" : "failed", null, null, sub.InstanceId));
                        break;
                    }

                case TimerCreatedEvent timer:
                    {
                        if (firedTimers.TryGetValue(timer.EventId, out var fired))
                        {
                            // A fired timeout of a wait: the wait on the agent (or event) timed out.
                            steps.Add(new TimelineStep("timer", "timer", Utc(timer.Timestamp), Utc(fired.Timestamp), "fired", null, null, $"fires at {Utc(timer.FireAt):HH:mm:ss} UTC"));
                            break;
                        }

                        // An unfired timer is the timeout of a wait that an event ended, or a wait still open.
                        var answer = raised.FirstOrDefault(r => r.Timestamp >= timer.Timestamp && !usedEvents.Contains(r));
                        if (answer is not null)
                        {
                            usedEvents.Add(answer);
                            steps.Add(WaitStep(timer, answer));
                        }
                        else
                        {
                            steps.Add(new TimelineStep("wait", "waiting", Utc(timer.Timestamp), null, running ? "running" : "cancelled", null, null, $"times out at {Utc(timer.FireAt):HH:mm:ss} UTC"));
                        }

                        break;
                    }
            }
        }

        foreach (var e in raised.Where(r => !usedEvents.Contains(r)))
        {
            var node = AgentNode(e);
            steps.Add(new TimelineStep(node is null ? "event" : "agent", e.Name, Utc(e.Timestamp), Utc(e.Timestamp), "completed", null, node, AgentFault(e)));
        }

        return [.. steps.OrderBy(s => s.Start)];
    }

    private static TimelineStep WaitStep(TimerCreatedEvent timer, EventRaisedEvent answer)
    {
        var node = AgentNode(answer);
        var fault = AgentFault(answer);
        var kind = node is null ? "event" : "agent";
        var name = answer.Name.StartsWith(AgentResultPrefix, StringComparison.Ordinal) ? "agent " + answer.Name[AgentResultPrefix.Length..] : answer.Name;
        return new TimelineStep(kind, name, Utc(timer.Timestamp), Utc(answer.Timestamp), fault is null ? "completed" : "failed", null, node, fault);
    }

    /// <summary>The node of an agent result, or null for other events.</summary>
    public static string? AgentNode(EventRaisedEvent e) => AgentResultOf(e)?.NodeName;

    /// <summary>The agent's fault, in one line, for a failed agent result.</summary>
    public static string? AgentFault(EventRaisedEvent e) => AgentResultOf(e)?.Fault is { } f ? $"{f.Code}: {f.Message}" + (f.Step is null ? string.Empty : $" (step {f.Step})") : null;

    private static AgentResult? AgentResultOf(EventRaisedEvent e)
    {
        if (!e.Name.StartsWith(AgentResultPrefix, StringComparison.Ordinal) || e.Input is not { Length: > 0 } input)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AgentResult>(input, AgentJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Retries of the durabletask SDK schedule the same activity again: number them per name.
    private static Dictionary<int, int> Attempts(IList<HistoryEvent> history)
    {
        var failedIds = history.OfType<TaskFailedEvent>().Select(f => f.TaskScheduledId).ToHashSet();
        var streak = new Dictionary<string, int>(StringComparer.Ordinal);
        var attempts = new Dictionary<int, int>();
        foreach (var task in history.OfType<TaskScheduledEvent>())
        {
            var name = task.Name ?? string.Empty;
            var attempt = streak.GetValueOrDefault(name) + 1;
            attempts[task.EventId] = attempt;
            streak[name] = failedIds.Contains(task.EventId) ? attempt : 0;
        }

        return attempts;
    }

    private static int ScheduledId(HistoryEvent e) => e switch
    {
        TaskCompletedEvent x => x.TaskScheduledId,
        TaskFailedEvent x => x.TaskScheduledId,
        SubOrchestrationInstanceCompletedEvent x => x.TaskScheduledId,
        SubOrchestrationInstanceFailedEvent x => x.TaskScheduledId,
        _ => -1,
    };

    private static FailureDetails? Legacy(string? reason, string? details) =>
        reason is null ? null : new FailureDetails("TaskFailed", reason, details, null, false);

    private static FailureView? Failure(FailureDetails? details) =>
        details is null ? null : new FailureView(details.ErrorType, details.ErrorMessage, details.StackTrace, Failure(details.InnerFailure));

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
