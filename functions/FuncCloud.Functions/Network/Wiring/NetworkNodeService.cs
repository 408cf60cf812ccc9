using System.Net;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.Agents.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Nodes;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Network.Wiring;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Functions.Network.Wiring;

/// <summary>
/// The controller side of a node's network agent: records the node's VXLAN address, places unplaced DHCP
/// servers and routers when a network node asks, and computes the node's desired state. Only agents (role
/// <c>service</c>) and admins may call it, as the node registration API.
/// </summary>
public sealed class NetworkNodeService(NetworkStore store, NetworkScheduler scheduler, NetworkSyncNotifier notifier, ComputeNodeRepository nodes, NetworkRevision revision)
{
    /// <summary>The node's desired state.</summary>
    public async Task<NetworkHostState> GetStateAsync(RequestContext caller, string node, string? localIp, CancellationToken cancellationToken)
    {
        if (!caller.IsAdmin && !caller.HasRole("service"))
        {
            throw new ForbiddenException("Policy doesn't allow os_compute_api:os-funccloud-nodes to be performed.");
        }

        if (localIp is not null && !IPAddress.TryParse(localIp, out _))
        {
            throw new BadRequestException($"local_ip '{localIp}' is not an IP address.");
        }

        var record = await nodes.GetAsync(node, cancellationToken) ?? throw ComputeResourceNotFoundException.Host(node);
        if (localIp is not null)
        {
            await RecordAddressAsync(node, localIp, cancellationToken);
        }

        if (record.Roles.Contains(NodeRoles.Network))
        {
            var changed = await scheduler.ScheduleAsync(cancellationToken);
            if (changed.Count > 0)
            {
                // Other nodes on those networks gain a peer or a DHCP host entry.
                await notifier.NotifyNetworksAsync(changed, cancellationToken);
            }
        }

        var snapshot = await NetworkSnapshot.LoadAsync(store, cancellationToken);
        return NetworkStateBuilder.Build(snapshot, node, revision.Next());
    }

    private async Task RecordAddressAsync(string node, string localIp, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(NetworkBindingKinds.Node, node, cancellationToken);
        if (current?.Body.Str("local_ip") == localIp)
        {
            return;
        }

        var doc = new JsonObject { ["id"] = node, ["local_ip"] = localIp };
        var batch = current is null ? new NetworkBatch().Add(NetworkBindingKinds.Node, doc) : new NetworkBatch().Replace(current, doc);
        try
        {
            await store.CommitAsync(batch, cancellationToken);
        }
        catch (Exception e) when (e is KeyTakenException or ConcurrencyException)
        {
            // Two fetches of one node raced: either wrote the same address.
        }
    }
}
