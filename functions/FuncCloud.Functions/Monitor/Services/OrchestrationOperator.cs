using System.Text.Json.Nodes;
using FuncCloud.Functions.Monitor.Api;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Functions.Monitor.Services;

/// <summary>
/// The operator's actions on workflows. Each checks the instance's state first and answers 409 when it does
/// not apply (terminating a finished workflow, purging a running one); rewind is refused with 501 because
/// the Azure Storage backend as hosted here cannot rewind (restart re-runs the workflow from its input).
/// </summary>
public sealed partial class OrchestrationOperator(TimeProvider time, ILogger<OrchestrationOperator> logger)
{
    public const string Terminate = "terminate";
    public const string Suspend = "suspend";
    public const string Resume = "resume";
    public const string RaiseEvent = "raise_event";
    public const string Restart = "restart";
    public const string Rewind = "rewind";
    public const string Purge = "purge";

    /// <summary>The actions that apply to an instance in <paramref name="status"/>.</summary>
    public static IReadOnlyList<string> AllowedActions(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Running => [Terminate, Suspend, RaiseEvent],
        OrchestrationRuntimeStatus.Pending => [Terminate, RaiseEvent],
        OrchestrationRuntimeStatus.Suspended => [Terminate, Resume, RaiseEvent],
        _ => [Restart, Purge],
    };

    /// <summary>Runs <paramref name="action"/> on the instance.</summary>
    public async Task<ActionResult> RunAsync(DurableTaskClient durable, RequestContext caller, string instanceId, string action, JsonObject body, CancellationToken cancellationToken)
    {
        var metadata = await durable.GetInstanceAsync(instanceId, cancellationToken) ?? throw new OrchestrationNotFoundException(instanceId);
        if (action == Rewind)
        {
            throw new MonitorNotSupportedException(
                "Rewind is not supported by this host's durable backend (Azure Storage through DTFx); restart the workflow to run it again from its input.");
        }

        if (!AllowedActions(metadata.RuntimeStatus).Contains(action))
        {
            throw Known(action)
                ? new ConflictException($"Cannot {action.Replace('_', ' ')} orchestration {instanceId}: it is {metadata.RuntimeStatus}.")
                : new BadRequestException($"Unknown action '{action}': expected {Terminate}, {Suspend}, {Resume}, {RaiseEvent}, {Restart}, {Rewind} or {Purge}.");
        }

        var reason = body.OptionalString("reason", 1024) ?? $"by {caller.UserName} at {time.GetUtcNow():O} from the workflow monitor";
        LogAction(logger, action, instanceId, caller.UserId);
        switch (action)
        {
            case Terminate:
                await durable.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(reason), cancellationToken);
                return new ActionResult(instanceId, action);
            case Suspend:
                await durable.SuspendInstanceAsync(instanceId, reason, cancellationToken);
                return new ActionResult(instanceId, action);
            case Resume:
                await durable.ResumeInstanceAsync(instanceId, reason, cancellationToken);
                return new ActionResult(instanceId, action);
            case RaiseEvent:
                var name = body.RequireString("name");
                await durable.RaiseEventAsync(instanceId, name, body["data"]?.DeepClone(), cancellationToken);
                return new ActionResult(instanceId, action);
            case Restart:
                var newId = await durable.RestartAsync(instanceId, body.OptionalBool("new_instance_id") ?? false, cancellationToken);
                return new ActionResult(instanceId, action, NewInstanceId: newId);
            default:
                var purged = await durable.PurgeInstanceAsync(instanceId, cancellation: cancellationToken);
                return new ActionResult(instanceId, action, Purged: purged.PurgedInstanceCount);
        }
    }

    /// <summary>Purges finished instances in <c>statuses</c> created before <c>created_before</c> (or <c>older_than_hours</c> ago).</summary>
    public async Task<ActionResult> PurgeAsync(DurableTaskClient durable, RequestContext caller, JsonObject body, CancellationToken cancellationToken)
    {
        var statuses = (body.OptionalStringList("statuses") ?? ["Completed", "Failed", "Terminated"])
            .Select(s => Enum.TryParse<OrchestrationRuntimeStatus>(s, true, out var status) && status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated
                ? status
                : throw new BadRequestException($"Invalid status '{s}': only finished workflows (Completed, Failed, Terminated) can be purged."))
            .ToList();
        var before = body.OptionalTimestamp("created_before")
            ?? (body["older_than_hours"] is JsonValue hours && hours.TryGetValue(out double h) && h >= 0
                ? time.GetUtcNow().AddHours(-h)
                : throw new BadRequestException("Purge needs created_before (ISO 8601) or older_than_hours (a number >= 0)."));
        LogPurge(logger, string.Join(',', statuses), before, caller.UserId);
        var result = await durable.PurgeAllInstancesAsync(new PurgeInstancesFilter(null, before, statuses), cancellation: cancellationToken);
        return new ActionResult("*", Purge, Purged: result.PurgedInstanceCount);
    }

    private static bool Known(string action) => action is Terminate or Suspend or Resume or RaiseEvent or Restart or Purge;

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Monitor: {action} on {instanceId} by {userId}")]
    private static partial void LogAction(ILogger logger, string action, string instanceId, string userId);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Monitor: purge of {statuses} created before {before} by {userId}")]
    private static partial void LogPurge(ILogger logger, string statuses, DateTimeOffset before, string userId);
}
