using FuncCloud.Durable.Compute.Activities;
using FuncCloud.Durable.Compute.Workflows;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Compute.Orchestrators;

/// <summary>
/// Waits, as nova's compute manager does with <c>wait_for_instance_event</c>, until every port is wired: each
/// <see cref="ComputeEvents.VifPlugged"/> event names one port; the ports' status is also re-read every few seconds
/// (an event raised while the server's <c>Operation</c> named another workflow is not lost that way).
/// </summary>
internal static class VifPluggedWait
{
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The ports still not wired when <paramref name="timeoutSeconds"/> ran out; empty when all were wired, when
    /// <paramref name="timeoutSeconds"/> is 0 (do not wait) or when <paramref name="interrupt"/> completed first.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WaitAsync(TaskOrchestrationContext context, IReadOnlyList<string> portIds, int timeoutSeconds, Task? interrupt)
    {
        if (timeoutSeconds <= 0 || portIds.Count == 0)
        {
            return [];
        }

        var deadline = context.CurrentUtcDateTime.AddSeconds(timeoutSeconds);
        var pending = (await context.CallActivityAsync<IReadOnlyList<string>>(nameof(PendingServerPorts), portIds)).ToHashSet(StringComparer.Ordinal);

        // One event waiter lives until it completes: a waiter left behind would swallow the next event.
        var plugged = context.WaitForExternalEvent<string>(ComputeEvents.VifPlugged);
        while (pending.Count > 0 && context.CurrentUtcDateTime < deadline)
        {
            // A timer left pending when an event wins is harmless (it fires into a finished wait); cancelling it
            // would run the token's callbacks off the orchestrator's thread with CancelAsync.
            var wake = context.CurrentUtcDateTime + Recheck < deadline ? context.CurrentUtcDateTime + Recheck : deadline;
            var timer = context.CreateTimer(wake, CancellationToken.None);
            var winner = interrupt is null ? await Task.WhenAny(plugged, timer) : await Task.WhenAny(plugged, timer, interrupt);
            if (winner == interrupt)
            {
                return [];
            }

            if (winner == plugged)
            {
                pending.Remove(plugged.Result);
                plugged = context.WaitForExternalEvent<string>(ComputeEvents.VifPlugged);
                continue;
            }

            pending = (await context.CallActivityAsync<IReadOnlyList<string>>(nameof(PendingServerPorts), pending.Order(StringComparer.Ordinal).ToList())).ToHashSet(StringComparer.Ordinal);
        }

        return [.. pending.Order(StringComparer.Ordinal)];
    }
}
