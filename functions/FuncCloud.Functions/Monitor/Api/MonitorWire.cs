namespace FuncCloud.Functions.Monitor.Api;

/// <summary>The cloud resource a workflow works on.</summary>
public sealed record WorkflowResourceRef(string Type, string Id, string? ProjectId);

/// <summary>One orchestration in a list.</summary>
/// <param name="InstanceId">The durable instance id.</param>
/// <param name="Name">The orchestrator.</param>
/// <param name="RuntimeStatus">Pending, Running, Suspended, Completed, Failed, Terminated ...</param>
/// <param name="CreatedAt">When it was scheduled.</param>
/// <param name="LastUpdatedAt">Its last checkpoint.</param>
/// <param name="DurationSeconds">Created to last update, for finished instances.</param>
/// <param name="Resource">What it works on, when known.</param>
/// <param name="Outcome"><c>failed</c> when the orchestration failed or rolled its operation back; else null.</param>
/// <param name="OutcomeMessage">Why, in one line.</param>
public sealed record OrchestrationSummary(
    string InstanceId,
    string Name,
    string RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    double? DurationSeconds,
    WorkflowResourceRef? Resource,
    string? Outcome,
    string? OutcomeMessage);

/// <summary>A page of orchestrations.</summary>
/// <param name="Orchestrations">The page.</param>
/// <param name="Continuation">Pass back as <c>continuation</c> for the next page; null on the last.</param>
/// <param name="Scanned">How many instances were read to fill the page (filters not pushed to storage cost reads).</param>
public sealed record OrchestrationPage(IReadOnlyList<OrchestrationSummary> Orchestrations, string? Continuation, int Scanned);

/// <summary>A payload (input, output, custom status, event data): cut when long, with where to get it whole.</summary>
public sealed record PayloadView(string? Text, int Length, bool Truncated, string? Href);

/// <summary>A failure: type, message, stack, and its inner failure.</summary>
public sealed record FailureView(string ErrorType, string Message, string? StackTrace, FailureView? Inner);

/// <summary>One history event, typed.</summary>
/// <param name="Sequence">Position in the history (0-based).</param>
/// <param name="EventId">DTFx event id (-1 for events from outside).</param>
/// <param name="Kind">execution_started, activity_scheduled, activity_completed, activity_failed, timer_created, timer_fired,
/// event_raised, event_sent, suborchestration_created, suborchestration_completed, suborchestration_failed,
/// execution_suspended, execution_resumed, execution_terminated, execution_completed.</param>
/// <param name="Timestamp">When it was recorded.</param>
/// <param name="Name">Activity, event, orchestration or sub-orchestration name.</param>
/// <param name="ScheduledId">For completions: the event id that scheduled it.</param>
/// <param name="Attempt">For activities: 1, or the retry number.</param>
/// <param name="Node">For agent results: the node that answered.</param>
/// <param name="FireAt">For timers.</param>
/// <param name="InstanceId">For sub-orchestrations and sent events.</param>
/// <param name="Payload">Input, result, event data or reason.</param>
/// <param name="Failure">For failures.</param>
public sealed record HistoryEventView(
    int Sequence,
    int EventId,
    string Kind,
    DateTimeOffset Timestamp,
    string? Name,
    int? ScheduledId,
    int? Attempt,
    string? Node,
    DateTimeOffset? FireAt,
    string? InstanceId,
    PayloadView? Payload,
    FailureView? Failure);

/// <summary>One bar of the timeline: an activity, a timer, a wait on an agent or on an event, a sub-orchestration.</summary>
/// <param name="Kind">activity, timer, agent, event, suborchestration.</param>
/// <param name="Name">What ran or was awaited.</param>
/// <param name="Start">Start.</param>
/// <param name="End">End; null while it runs.</param>
/// <param name="Status">running, completed, failed, fired, cancelled.</param>
/// <param name="Attempt">Retry number for activities.</param>
/// <param name="Node">The node involved, when known.</param>
/// <param name="Detail">One line (failure message, the agent's fault ...).</param>
public sealed record TimelineStep(string Kind, string Name, DateTimeOffset Start, DateTimeOffset? End, string Status, int? Attempt, string? Node, string? Detail);

/// <summary>The resource-side view of the operation (for servers: nova's instance action and its events).</summary>
public sealed record ResourceOperationView(string Action, string RequestId, string? Message, IReadOnlyList<ResourceStepView> Steps);

/// <summary>An instance-action event: the step, its host, result and the fault's traceback.</summary>
public sealed record ResourceStepView(string Event, DateTimeOffset Start, DateTimeOffset? Finish, string? Result, string? Host, string? Details, string? Traceback);

/// <summary>One orchestration in full.</summary>
/// <param name="Summary">What the list shows.</param>
/// <param name="Why">For a failed or stuck workflow: one sentence saying what happened and where.</param>
/// <param name="Input">The input.</param>
/// <param name="Output">The output.</param>
/// <param name="CustomStatus">The custom status.</param>
/// <param name="Failure">The failure of a failed instance.</param>
/// <param name="History">Every event of the latest execution, oldest first.</param>
/// <param name="Timeline">The steps for a Gantt view.</param>
/// <param name="Operation">The resource's record of this operation, when it keeps one.</param>
/// <param name="Actions">The actions this instance accepts now (terminate, suspend, resume, raise_event, restart, rewind, purge).</param>
public sealed record OrchestrationDetail(
    OrchestrationSummary Summary,
    string? Why,
    PayloadView? Input,
    PayloadView? Output,
    PayloadView? CustomStatus,
    FailureView? Failure,
    IReadOnlyList<HistoryEventView> History,
    IReadOnlyList<TimelineStep> Timeline,
    ResourceOperationView? Operation,
    IReadOnlyList<string> Actions);

/// <summary>A time bucket of the histogram.</summary>
public sealed record HistogramBucket(DateTimeOffset Start, int Started, int Completed, int Failed);

/// <summary>Counts over a time range.</summary>
public sealed record OrchestrationStats(
    DateTimeOffset From,
    DateTimeOffset To,
    int Total,
    bool Truncated,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, int> ByName,
    IReadOnlyList<HistogramBucket> Histogram,
    IReadOnlyList<OrchestrationSummary> Slowest,
    IReadOnlyList<OrchestrationSummary> FailedRecently);

/// <summary>What an action did.</summary>
public sealed record ActionResult(string InstanceId, string Action, string? NewInstanceId = null, int? Purged = null);

/// <summary>A resource's workflows, newest first, with the resource's request id for each when it keeps one.</summary>
public sealed record ResourceWorkflows(WorkflowResourceRef Resource, IReadOnlyList<ResourceWorkflow> Orchestrations);

/// <summary>One of a resource's workflows.</summary>
public sealed record ResourceWorkflow(OrchestrationSummary Summary, string? Action, string? RequestId);
