using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.Agents.Nodes;
using FuncCloud.Shared.Compute.Nodes;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Storage;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Network.Wiring;

/// <summary>
/// Places DHCP servers (one per network with a DHCP-enabled subnet, with its <c>network:dhcp</c> port) and
/// routers on live nodes with the <c>network</c> role, least loaded first, and records the choice as a binding
/// row. Runs after changes to networks, subnets and routers and whenever a network node fetches its state
/// (neutron's network_auto_schedule), so resources made while no network node was alive get placed later.
/// Bindings are inserts: two schedulers racing place a resource once, the loser re-reads next round.
/// </summary>
public sealed class NetworkScheduler(NetworkStore store, PortKind ports, ComputeNodeRepository nodes, IOptions<ComputeNodeOptions> liveness, TimeProvider clock)
{
    private const string DhcpOwner = "network:dhcp";

    private static readonly RequestContext System = new(
        "req-network-scheduler", "funccloud-network-scheduler", "funccloud-network-scheduler", "default", ScopeType.System,
        null, null, null, null, ["admin"], ["internal"], null, DateTimeOffset.MaxValue);

    /// <summary>The live, enabled nodes with the network role.</summary>
    public async Task<IReadOnlyList<ComputeNodeRecord>> LiveNetworkNodesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return [.. (await nodes.ListAsync(cancellationToken)).Where(n => n.Roles.Contains(NodeRoles.Network) && n.Enabled && n.IsUp(now, liveness.Value.DownAfter))];
    }

    /// <summary>Places what is unplaced; returns the networks whose wiring changed (for kicks).</summary>
    public async Task<IReadOnlyCollection<string>> ScheduleAsync(CancellationToken cancellationToken)
    {
        var live = (await LiveNetworkNodesAsync(cancellationToken)).Select(n => n.Name).Order(StringComparer.Ordinal).ToList();
        if (live.Count == 0)
        {
            return [];
        }

        var snapshot = await NetworkSnapshot.LoadAsync(store, cancellationToken);
        var load = live.ToDictionary(n => n, n => snapshot.DhcpBindings.Values.Count(h => h == n) + snapshot.RouterBindings.Values.Count(h => h == n), StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        await ForgetVanishedAsync(snapshot, cancellationToken);

        foreach (var network in snapshot.Networks.Values.OrderBy(n => n.Id(), StringComparer.Ordinal))
        {
            var subnets = snapshot.Subnets.Values.Where(s => s.Str("network_id") == network.Id() && s.Bool("enable_dhcp", true)).ToList();
            var hasPort = snapshot.Ports.Any(p => p.Str("network_id") == network.Id() && p.Str("device_owner") == DhcpOwner);
            var bound = snapshot.DhcpBindings.GetValueOrDefault(network.Id());
            if (subnets.Count == 0 || (bound is not null && hasPort))
            {
                continue;
            }

            var host = bound ?? LeastLoaded(load);
            var batch = new NetworkBatch();
            if (bound is null)
            {
                batch.Add(NetworkBindingKinds.Dhcp, Binding(network.Id(), host));
            }

            if (!hasPort)
            {
                var request = new JsonObject
                {
                    ["network_id"] = network.Id(),
                    ["device_owner"] = DhcpOwner,
                    ["device_id"] = $"dhcp{host}-{network.Id()}",
                    ["binding:host_id"] = host,
                    ["fixed_ips"] = new JsonArray([.. subnets.Select(s => (JsonNode?)new JsonObject { ["subnet_id"] = s.Id() })]),
                };
                try
                {
                    batch.Add(ResourceKindNames.Port, await ports.PlanAsync(System, network.Project(), request, batch, cancellationToken));
                }
                catch (Api.NeutronException)
                {
                    continue; // e.g. a subnet without a free address: the network stays without DHCP until one frees
                }
            }

            if (await TryCommitAsync(batch, cancellationToken))
            {
                load[host] = load.GetValueOrDefault(host) + 1;
                changed.Add(network.Id());
            }
        }

        foreach (var router in snapshot.Routers.Where(r => !snapshot.RouterBindings.ContainsKey(r.Id())).OrderBy(r => r.Id(), StringComparer.Ordinal))
        {
            var host = LeastLoaded(load);
            if (await TryCommitAsync(new NetworkBatch().Add(NetworkBindingKinds.L3, Binding(router.Id(), host)), cancellationToken))
            {
                load[host]++;
                changed.UnionWith(snapshot.RouterPorts(router.Id()).Select(p => p.Str("network_id")!));
            }
        }

        return changed;
    }

    /// <summary>Moves (or places) <paramref name="resourceId"/>'s binding of <paramref name="kind"/> to <paramref name="host"/>; null host removes it.</summary>
    public async Task BindAsync(string kind, string resourceId, string? host, CancellationToken cancellationToken)
    {
        var batch = new NetworkBatch();
        if (await store.GetAsync(kind, resourceId, cancellationToken) is { } current)
        {
            batch.Delete(current);
        }

        await store.CommitAsync(batch, cancellationToken);
        if (host is not null)
        {
            await store.CommitAsync(new NetworkBatch().Add(kind, Binding(resourceId, host)), cancellationToken);
        }
    }

    private async Task ForgetVanishedAsync(NetworkSnapshot snapshot, CancellationToken cancellationToken)
    {
        var routers = snapshot.Routers.Select(r => r.Id()).ToHashSet(StringComparer.Ordinal);
        var stale = snapshot.DhcpBindings.Keys.Where(n => !snapshot.Networks.ContainsKey(n)).Select(n => (NetworkBindingKinds.Dhcp, n))
            .Concat(snapshot.RouterBindings.Keys.Where(r => !routers.Contains(r)).Select(r => (NetworkBindingKinds.L3, r)));
        foreach (var (kind, id) in stale)
        {
            if (await store.GetAsync(kind, id, cancellationToken) is { } row)
            {
                await TryCommitAsync(new NetworkBatch().Delete(row), cancellationToken);
            }
        }
    }

    private async Task<bool> TryCommitAsync(NetworkBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            await store.CommitAsync(batch, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is KeyTakenException or ConcurrencyException)
        {
            return false; // another scheduler placed it, or the resource changed: the next round sees the outcome
        }
    }

    private static string LeastLoaded(Dictionary<string, int> load) => load.OrderBy(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).First().Key;

    private static JsonObject Binding(string id, string host) => new() { ["id"] = id, ["host"] = host };
}
