namespace FuncCloud.Shared.Compute.InstanceActions;

/// <summary>
/// One operation on a server (nova's instance action): recorded by the API when the request is accepted,
/// its steps appended as <see cref="InstanceActionEvent"/>s by the durable workflow that runs it.
/// </summary>
/// <param name="Action">A <c>ServerActions</c> value (<c>create</c>, <c>reboot</c> ...).</param>
/// <param name="ServerId">The server.</param>
/// <param name="RequestId">The API request id (<c>req-...</c>); unique per server.</param>
/// <param name="ProjectId">The caller's project.</param>
/// <param name="UserId">The caller.</param>
/// <param name="StartTime">When the API accepted it.</param>
/// <param name="UpdatedAt">The last change (an event started or finished).</param>
/// <param name="Message">Null, or <c>Error</c> once a step failed (nova's convention).</param>
/// <param name="WorkflowId">The durable instance id that runs it, if any.</param>
/// <param name="Events">The steps, in the order they started.</param>
public sealed record InstanceActionRecord(
    string Action,
    string ServerId,
    string RequestId,
    string ProjectId,
    string UserId,
    DateTimeOffset StartTime,
    DateTimeOffset UpdatedAt,
    string? Message,
    string? WorkflowId,
    IReadOnlyList<InstanceActionEvent> Events);

/// <summary>One step of an instance action (nova's instance action event).</summary>
/// <param name="Event">The step's name, e.g. <c>compute__do_build_and_run_instance</c>.</param>
/// <param name="StartTime">When it started.</param>
/// <param name="FinishTime">When it finished; null while running.</param>
/// <param name="Result"><c>Success</c> or <c>Error</c>; null while running.</param>
/// <param name="Traceback">On error: what failed, where, and the agent's or the scheduler's detail.</param>
/// <param name="Host">The node the step ran on, when it ran on one.</param>
/// <param name="Details">A one-line summary (the fault message, or what the step decided).</param>
public sealed record InstanceActionEvent(
    string Event,
    DateTimeOffset StartTime,
    DateTimeOffset? FinishTime,
    string? Result,
    string? Traceback,
    string? Host,
    string? Details);

/// <summary>The results of an event, as nova writes them.</summary>
public static class InstanceActionResults
{
    public const string Success = "Success";
    public const string Error = "Error";
}
