using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Nodes;
using FuncCloud.Shared.Compute.Nodes;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Volume.Pools;

namespace FuncCloud.Functions.Compute.Nodes;

/// <summary>
/// The server side of the agent's <see cref="ComputeNodeRoutes"/>: registration and heartbeats. Only agents
/// (role <c>service</c>) and admins may call them. A storage node's pool reports become (or refresh) its
/// <see cref="StoragePoolRecord"/>s, keeping the control plane's claims.
/// </summary>
public sealed class ComputeNodeService(ComputeNodeRepository nodes, StoragePoolRepository pools, TimeProvider time)
{
    /// <summary>The role the agents' service user holds.</summary>
    public const string ServiceRole = "service";

    /// <summary>Creates or updates the node; true when it was created.</summary>
    public async Task<(ComputeNodeRecord Node, bool Created)> RegisterAsync(RequestContext caller, string nodeName, ComputeNodeRegistration registration, CancellationToken cancellationToken)
    {
        Authorize(caller);
        if (!AgentQueueNames.IsValidNodeName(nodeName))
        {
            throw new BadRequestException($"Node name '{nodeName}' must be a lower-case DNS label of at most 40 characters.");
        }

        var now = time.GetUtcNow();
        await ReportPoolsAsync(nodeName, registration.AvailabilityZone, registration.StoragePools, cancellationToken);
        return await nodes.UpsertAsync(nodeName, existing => existing is null
            ? new ComputeNodeRecord
            {
                Id = Guid.NewGuid().ToString("D"),
                Name = nodeName,
                Hostname = registration.Hostname,
                Roles = registration.Roles,
                AvailabilityZone = registration.AvailabilityZone,
                Driver = registration.Driver,
                AgentVersion = registration.AgentVersion,
                Resources = registration.Resources,
                Fleet = registration.Fleet,
                RegisteredAt = now,
                LastHeartbeatAt = now,
            }
            : existing with
            {
                Hostname = registration.Hostname,
                Roles = registration.Roles,
                AvailabilityZone = registration.AvailabilityZone,
                Driver = registration.Driver,
                AgentVersion = registration.AgentVersion,
                Resources = registration.Resources,
                Fleet = registration.Fleet,
                LastHeartbeatAt = now,
            }, cancellationToken);
    }

    /// <summary>Records a heartbeat; false when the node is not registered (the agent then registers again).</summary>
    public async Task<bool> HeartbeatAsync(RequestContext caller, string nodeName, ComputeNodeHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        Authorize(caller);
        // The row is rewritten only when what the agent reports changed; liveness goes to the compact beat rows,
        // so the scheduler's incremental refresh reads only nodes that really changed (docs/compute.md).
        var now = time.GetUtcNow();
        var updated = await nodes.UpdateIfChangedAsync(nodeName, n => n.Resources == heartbeat.Resources && n.InstanceCount == heartbeat.InstanceCount
            ? null
            : n with
            {
                Resources = heartbeat.Resources,
                InstanceCount = heartbeat.InstanceCount,
                LastHeartbeatAt = now,
            }, cancellationToken);
        if (updated is not null)
        {
            await nodes.BeatAsync(nodeName, now, cancellationToken);
            await ReportPoolsAsync(nodeName, updated.AvailabilityZone, heartbeat.StoragePools, cancellationToken);
        }

        return updated is not null;
    }

    private async Task ReportPoolsAsync(string nodeName, string zone, IReadOnlyList<StoragePoolReport>? reports, CancellationToken cancellationToken)
    {
        foreach (var report in reports ?? [])
        {
            var host = $"{nodeName}@{report.Backend}";
            await pools.ReportAsync(new StoragePoolRecord(
                $"{host}#{report.Pool}", host, report.Backend, zone, report.Driver, (int)Math.Min(int.MaxValue, report.TotalCapacityGb),
                report.ReservedPercentage, report.MaxOverSubscriptionRatio, report.ThinProvisioning, new Dictionary<string, int>(), time.GetUtcNow(), nodeName),
                cancellationToken);
        }
    }

    /// <summary>Refuses anyone but an agent (role <c>service</c>) or an admin: the node routes are theirs.</summary>
    /// <exception cref="ForbiddenException">The caller is neither.</exception>
    public void AuthorizeAgent(RequestContext caller) => Authorize(caller);

    private static void Authorize(RequestContext caller)
    {
        if (!caller.IsAdmin && !caller.HasRole(ServiceRole))
        {
            throw new ForbiddenException("Policy doesn't allow os_compute_api:os-funccloud-nodes to be performed.");
        }
    }
}
