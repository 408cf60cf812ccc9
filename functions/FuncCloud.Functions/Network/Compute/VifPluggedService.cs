using FuncCloud.Durable.Compute.Workflows;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Nodes;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Functions.Network.Compute;

/// <summary>
/// nova's <c>network-vif-plugged</c> here: a node's network agent reports the ports its driver wired; each one
/// still bound to that node and not ACTIVE becomes ACTIVE, and the workflow of its server (the boot, or an
/// interface attach) gets <see cref="ComputeEvents.VifPlugged"/> with the port id. A report for a port that
/// moved to another node, was deleted or is already ACTIVE changes nothing (reports repeat after a lost one).
/// </summary>
public sealed partial class VifPluggedService(NetworkStore store, ComputeNodeRepository nodes, ServerRepository servers, NeutronContext context, ILogger<VifPluggedService> logger)
{
    /// <summary>Records the ports wired on <paramref name="node"/>; returns how many went ACTIVE.</summary>
    public async Task<int> RecordAsync(RequestContext caller, string node, IReadOnlyList<string> portIds, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin && !caller.HasRole("service"))
        {
            throw new ForbiddenException("Policy doesn't allow os_compute_api:os-funccloud-nodes to be performed.");
        }

        _ = await nodes.GetAsync(node, cancellationToken) ?? throw ComputeResourceNotFoundException.Host(node);
        var activated = 0;
        foreach (var portId in portIds.Distinct(StringComparer.Ordinal))
        {
            if (await ActivateAsync(node, portId, cancellationToken) is { } deviceId)
            {
                activated++;
                await NotifyAsync(deviceId, portId, durable, cancellationToken);
            }
        }

        return activated;
    }

    // The port's device id when this call made it ACTIVE, else null. A lost compare-and-swap re-reads (bounded).
    private async Task<string?> ActivateAsync(string node, string portId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await store.GetAsync(ResourceKindNames.Port, portId, cancellationToken);
            if (current is null || current.Body.Str("binding:host_id") != node || current.Body.Str("status") == "ACTIVE")
            {
                return null;
            }

            var updated = current.Body.Copy();
            updated["status"] = "ACTIVE";
            updated["revision_number"] = (updated.Int("revision_number") ?? 0) + 1;
            updated["updated_at"] = context.Now;
            try
            {
                await store.CommitAsync(new NetworkBatch().Replace(current, updated), cancellationToken);
                return updated.Str("device_id") ?? string.Empty;
            }
            catch (ConcurrencyException)
            {
                // Changed meanwhile (an update or a rebind): decide again on the new version.
            }
        }

        return null;
    }

    private async Task NotifyAsync(string deviceId, string portId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (deviceId.Length == 0 || await servers.FindAsync(deviceId, cancellationToken) is not { Operation: { } operation })
        {
            return;
        }

        var instance = await durable.GetInstanceAsync(operation, cancellationToken);
        if (instance is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended })
        {
            await durable.RaiseEventAsync(operation, ComputeEvents.VifPlugged, portId, cancellationToken);
            LogRaised(logger, portId, deviceId, operation);
        }
    }

    [LoggerMessage(EventId = 6701, Level = LogLevel.Debug, Message = "Port {portId} of server {serverId} plugged: network-vif-plugged raised on {instanceId}")]
    private static partial void LogRaised(ILogger logger, string portId, string serverId, string instanceId);
}
