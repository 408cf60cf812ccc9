using FuncCloud.Durable.Compute.Activities;
using FuncCloud.Durable.Compute.Networking;
using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Compute.Servers;
using Microsoft.DurableTask;

namespace FuncCloud.Durable.Compute.Orchestrators;

/// <summary>
/// The boot's network steps: allocate the ports on the scheduled node before the spawn, release them on every
/// way out (delete, failed spawn, failed allocation). A failed allocation fails the build as nova words it.
/// </summary>
internal static class ServerPorts
{
    /// <summary>
    /// The VIFs for the spawn once every port is wired on the node (nova's network-vif-plugged, bounded by the
    /// outcome's timeout), or null when the allocation failed or timed out (the server is then in ERROR, its ports
    /// and claims released). <paramref name="interrupt"/> (a delete) ends the wait early: the caller sees the delete next.
    /// </summary>
    public static async Task<IReadOnlyList<NetworkPortSpec>?> AllocateAsync(TaskOrchestrationContext context, BootServerInput input, string node, string? zone, Task? interrupt = null)
    {
        var outcome = await context.CallActivityAsync<AllocatePortsOutcome>(nameof(AllocateServerPorts), new AllocatePortsInput(input.ServerId, node, zone));
        var error = outcome.Error;
        if (error is null)
        {
            var unplugged = await VifPluggedWait.WaitAsync(context, [.. outcome.Ports.Select(p => p.PortId)], outcome.VifPluggedTimeoutSeconds, interrupt);
            if (unplugged.Count == 0)
            {
                return outcome.Ports;
            }

            error = $"Timed out after {outcome.VifPluggedTimeoutSeconds} s waiting for network-vif-plugged of port(s) {string.Join(", ", unplugged)} on {node}.";
        }

        var message = $"Build of instance {input.ServerId} aborted: Failed to allocate the network(s), not rescheduling.";
        var fault = new ServerFault(500, message, $"{message} {error}", new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero));
        await ServerFailures.FailStepAsync(context, new FailStepInput(input.ServerId, input.RequestId, null, node, fault, fault.Details));
        await ReleaseAsync(context, input.ServerId);
        await context.CallActivityAsync(nameof(ReleaseClaims), new ReleaseClaimsInput(input.ServerId, null, null));
        return null;
    }

    /// <summary>Deletes the ports made for the server, unbinds the user's.</summary>
    public static Task ReleaseAsync(TaskOrchestrationContext context, string serverId) =>
        context.CallActivityAsync(nameof(ReleaseServerPorts), serverId);
}
