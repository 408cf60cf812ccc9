using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Compute.Servers;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Functions.Compute.Agents;

/// <summary>
/// nova's <c>_sync_power_states</c>: the node's view of its instances corrects the database. Servers with a
/// task (or a command in flight on the node) are skipped, their state is in motion. An ACTIVE server found
/// SHUTDOWN or CRASHED becomes SHUTOFF (vm_state stopped), as nova stops it; a server the node no longer has
/// gets power state NOSTATE. A report read before the server's last change (an action that completed while the
/// report was queued) is stale for that server and skipped, as nova reads the driver under the instance lock.
/// </summary>
public sealed class PowerStateSync(ServerRepository servers, TimeProvider time, ILogger<PowerStateSync> logger)
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

                var vmState = s.VmState == VmStates.Active && power is PowerState.Shutdown or PowerState.Crashed ? VmStates.Stopped : s.VmState;
                return s with { PowerState = power, VmState = vmState, UpdatedAt = time.GetUtcNow() };
            }, cancellationToken);
            if (updated is not null)
            {
                AgentLog.PowerSynced(logger, server.Id, report.NodeName, updated.PowerState.ToString(), updated.VmState);
            }
        }
    }
}
