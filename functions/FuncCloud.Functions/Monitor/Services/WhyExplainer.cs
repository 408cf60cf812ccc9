using System.Globalization;
using FuncCloud.Functions.Monitor.Api;
using FuncCloud.Shared.Compute.InstanceActions;
using FuncCloud.Shared.Compute.Nodes;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Monitor.Services;

/// <summary>
/// One sentence for a failed or stuck workflow: what happened and where, from the history (open waits,
/// failed activities, the agent's fault), the resource's record of the operation and the nodes' heartbeats.
/// </summary>
public sealed class WhyExplainer(ComputeNodeRepository nodes, IOptions<ComputeNodeOptions> nodeOptions, TimeProvider time)
{
    public async Task<string?> ExplainAsync(
        OrchestrationSummary summary, FailureView? failure, string? reason, IReadOnlyList<TimelineStep> timeline, ResourceOperationView? operation, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        switch (summary.RuntimeStatus)
        {
            case "Pending":
                return $"Scheduled {Age(now - summary.CreatedAt)} ago and not started yet: no worker has picked it up (is a host of this task hub running?).";
            case "Suspended":
                return $"Suspended since {Clock(summary.LastUpdatedAt)}" + (reason is null ? "." : $": {reason}.");
            case "Terminated":
                return $"Terminated at {Clock(summary.LastUpdatedAt)}" + (reason is null ? "." : $": {reason}.");
            case "Running":
                return await RunningAsync(now, timeline, operation, cancellationToken);
        }

        if (summary.Outcome is null)
        {
            return null;
        }

        if (operation?.Steps.LastOrDefault(s => s.Result == InstanceActionResults.Error) is { } step)
        {
            return step.Host is null ? Sentence(step.Details ?? summary.OutcomeMessage) : $"{Step(step.Event)} failed on node {step.Host}: {Trim(step.Details ?? summary.OutcomeMessage)}.";
        }

        if (timeline.LastOrDefault(s => s.Status == "failed") is { } failed)
        {
            var where = failed.Node is null ? string.Empty : $" on node {failed.Node}";
            var attempt = failed.Attempt is > 1 ? $" (attempt {failed.Attempt})" : string.Empty;
            return $"{Capital(failed.Kind)} {failed.Name} failed{where}{attempt}: {Trim(failed.Detail ?? failure?.Message ?? summary.OutcomeMessage)}.";
        }

        return Sentence(failure?.Message ?? summary.OutcomeMessage);
    }

    private async Task<string?> RunningAsync(DateTimeOffset now, IReadOnlyList<TimelineStep> timeline, ResourceOperationView? operation, CancellationToken cancellationToken)
    {
        var open = timeline.LastOrDefault(s => s.End is null);
        if (open is null)
        {
            return null;
        }

        if (open.Kind == "activity" || open.Kind == "suborchestration")
        {
            return $"Running {open.Kind} {open.Name} for {Age(now - open.Start)}.";
        }

        var deadline = open.Detail is null ? string.Empty : $"; the wait {open.Detail}";
        var nodeName = open.Node ?? operation?.Steps.LastOrDefault(s => s.Finish is null && s.Host is not null)?.Host;
        if (nodeName is null)
        {
            return $"Waiting {Age(now - open.Start)} for an external event{deadline}.";
        }

        var node = await nodes.GetAsync(nodeName, cancellationToken);
        if (node is null)
        {
            return $"Waiting {Age(now - open.Start)} for node {nodeName}, which is not registered{deadline}.";
        }

        return node.IsUp(now, nodeOptions.Value.DownAfter)
            ? $"Waiting {Age(now - open.Start)} for the agent of node {nodeName} to answer (the node is up, last heartbeat {Age(now - node.LastHeartbeatAt)} ago){deadline}."
            : $"Waiting {Age(now - open.Start)} for node {nodeName}, which has been down since {Clock(node.LastHeartbeatAt)}" +
              (node.ForcedDown ? " (forced down)" : " (no heartbeat since)") + $"{deadline}.";
    }

    /// <summary>A duration the way an operator says it: 35 s, 4 min, 2 h 5 min.</summary>
    public static string Age(TimeSpan age) => age.TotalSeconds < 90
        ? $"{Math.Max(0, (int)age.TotalSeconds)} s"
        : age.TotalMinutes < 90 ? $"{(int)age.TotalMinutes} min" : $"{(int)age.TotalHours} h {age.Minutes} min";

    private static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    private static string Step(string step) => step switch
    {
        "conductor_schedule_and_build_instances" => "Scheduling",
        "compute__do_build_and_run_instance" => "Build",
        "compute_terminate_instance" => "Delete",
        _ => Capital(step.Replace("compute_", string.Empty, StringComparison.Ordinal).Replace('_', ' ')),
    };

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Trim(string? text) => (text ?? "no detail").Trim().TrimEnd('.');

    private static string? Sentence(string? text) => text is null ? null : Trim(text) + ".";
}
