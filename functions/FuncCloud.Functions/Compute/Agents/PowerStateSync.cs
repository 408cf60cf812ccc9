using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Compute.Placement;
using FuncCloud.Shared.Compute.Servers;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Functions.Compute.Agents;

/// <summary>
/// nova's <c>_sync_power_states</c>: the node's view of its instances corrects the database. Servers with a
/// task (or a command in flight on the node) are skipped, their state is in motion. An ACTIVE server found
/// SHUTDOWN or CRASHED becomes SHUTOFF (vm_state stopped), as nova stops it. A server the node no longer has
/// (its hypervisor lost it) becomes ERROR with a fault that says so, power state NOSTATE, and its placement
/// allocation is released: nova leaves such a server ACTIVE with NOSTATE and only logs, which is a silent zombie
/// (reboot fails, placement keeps counting it); here the state is clear and delete cleans up. A report read
/// before the server's last change (an action that completed while the report was queued) is stale for that
/// server and skipped, as nova reads the driver under the instance lock.
/// </summary>
public sealed class PowerStateSync(ServerRepository servers, PlacementService placement, TimeProvider time, ILogger<PowerStateSync> logger)
{
    public async Task ApplyAsync(PowerStateReport report, CancellationToken cancellationToken)
    {
        var observed = report.Instances.ToDictionary(i => i.ServerId, StringComparer.Ordinal);
        var onNode = (await servers.ListAsync(cancellationToken)).Where(s => s.Host == report.NodeName && !s.IsDeleted && s.TaskState is null);
        foreach (var server in onNode)
        {
            var seen = observed.GetValueOrDefault(server.Id);
            if (seen is { CommandInFlight: true } || server.VmState == VmStates.Building || server.UpdatedAt > report.ObservedAt)
            {
                continue;
            }

            var power = seen?.PowerState ?? PowerState.NoState;
            if (power == server.PowerState)
            {
                continue;
            }

            var updated = await servers.UpdateAsync(server.Id, s =>
            {
                if (s.TaskState is not null || s.Host != report.NodeName || s.IsDeleted || s.UpdatedAt > report.ObservedAt)
                {
                    return s;
                }

                var now = time.GetUtcNow();
                if (seen is null)
                {
                    var message = $"Instance {s.Id} was not found on host {report.NodeName}.";
                    return s.VmState == VmStates.Error && s.PowerState == PowerState.NoState
                        ? s
                        : s with { PowerState = PowerState.NoState, VmState = VmStates.Error, Fault = new ServerFault(404, message, $"power state sync of node {report.NodeName}", now), UpdatedAt = now };
                }

                var vmState = s.VmState == VmStates.Active && power is PowerState.Shutdown or PowerState.Crashed ? VmStates.Stopped : s.VmState;
                return s with { PowerState = power, VmState = vmState, UpdatedAt = now };
            }, cancellationToken);
            if (updated is { VmState: VmStates.Error, PowerState: PowerState.NoState } && seen is null)
            {
                // Gone from the node: placement stops counting it (delete releases nothing twice: missing is fine).
                await placement.ReleaseEverywhereAsync(server.Id, cancellationToken);
            }

            if (updated is not null)
            {
                AgentLog.PowerSynced(logger, server.Id, report.NodeName, updated.PowerState.ToString(), updated.VmState);
            }
        }
    }
}
