using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Network;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Functions.Network.Wiring;

/// <summary>
/// After a Neutron change, tells the nodes whose desired state it touches to fetch it again: a
/// <see cref="NetworkSyncCommand"/> on each affected node's queue (no reply, no journal, idempotent). It also
/// places DHCP servers and routers that a network, subnet or router change left unplaced. A failed kick never
/// fails the API call: the agents' periodic fetch heals it.
/// </summary>
public sealed partial class NetworkSyncNotifier(
    NetworkStore store, NetworkScheduler scheduler, AgentCommandSender sender, NetworkRevision revision, TimeProvider clock, ILogger<NetworkSyncNotifier> logger)
{
    private static readonly HashSet<string> Wired = new(
        [
            ResourceKindNames.Network, ResourceKindNames.Subnet, ResourceKindNames.Port, ResourceKindNames.Router, ResourceKindNames.FloatingIp,
            ResourceKindNames.SecurityGroup, ResourceKindNames.SecurityGroupRule,
        ],
        StringComparer.Ordinal);

    /// <summary>Kicks the nodes affected by <paramref name="docs"/> (the documents before and after the change) of <paramref name="kind"/>.</summary>
    public async Task NotifyAsync(string kind, IReadOnlyCollection<JsonObject> docs, CancellationToken cancellationToken)
    {
        if (!Wired.Contains(kind))
        {
            return; // subnet pools, RBAC policies, quotas: nothing a node applies
        }

        try
        {
            var networks = new HashSet<string>(StringComparer.Ordinal);
            var nodes = new HashSet<string>(StringComparer.Ordinal);
            var everyone = false;
            if (kind is ResourceKindNames.Network or ResourceKindNames.Subnet or ResourceKindNames.Router)
            {
                networks.UnionWith(await scheduler.ScheduleAsync(cancellationToken));
            }

            var snapshot = await NetworkSnapshot.LoadBindingsAsync(store, cancellationToken);
            foreach (var doc in docs)
            {
                switch (kind)
                {
                    case ResourceKindNames.Network:
                        networks.Add(doc.Id());
                        break;
                    case ResourceKindNames.Subnet:
                        networks.Add(doc.Str("network_id") ?? string.Empty);
                        break;
                    case ResourceKindNames.Port:
                        networks.Add(doc.Str("network_id") ?? string.Empty);
                        nodes.Add(doc.Str("binding:host_id") ?? string.Empty);
                        everyone |= (doc.Strings("security_groups") ?? []).Count > 0; // remote-group members changed
                        break;
                    case ResourceKindNames.Router:
                        nodes.Add(snapshot.RouterBindings.GetValueOrDefault(doc.Id()) ?? string.Empty);
                        networks.UnionWith(snapshot.RouterPorts(doc.Id()).Select(p => p.Str("network_id")!));
                        break;
                    case ResourceKindNames.FloatingIp:
                        nodes.Add(snapshot.RouterBindings.GetValueOrDefault(doc.Str("router_id") ?? string.Empty) ?? string.Empty);
                        break;
                    case ResourceKindNames.SecurityGroup or ResourceKindNames.SecurityGroupRule:
                        everyone = true;
                        break;
                }
            }

            var participants = snapshot.Participants();
            if (everyone)
            {
                nodes.UnionWith(snapshot.Ports.Where(NetworkSnapshot.IsInstancePort).Select(p => p.Str("binding:host_id")!));
            }

            foreach (var network in networks)
            {
                nodes.UnionWith(participants.GetValueOrDefault(network) ?? []);
            }

            nodes.Remove(string.Empty);
            await KickAsync(nodes, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(logger, kind, e.Message);
        }
    }

    /// <summary>Kicks the participants of <paramref name="networks"/> (after a placement; no scheduling round of its own).</summary>
    public async Task NotifyNetworksAsync(IReadOnlyCollection<string> networks, CancellationToken cancellationToken)
    {
        try
        {
            var participants = (await NetworkSnapshot.LoadBindingsAsync(store, cancellationToken)).Participants();
            await KickAsync(networks.SelectMany(n => participants.GetValueOrDefault(n) ?? []).Distinct(StringComparer.Ordinal), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(logger, ResourceKindNames.Network, e.Message);
        }
    }

    /// <summary>Puts a kick on each of <paramref name="nodes"/>' queues.</summary>
    public async Task KickAsync(IEnumerable<string> nodes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var command = new NetworkSyncCommand(revision.Next());
        await Task.WhenAll(nodes.Where(AgentQueueNames.IsValidNodeName).Select(node =>
            sender.SendAsync(node, AgentCommand.Create($"network-sync:{node}:{command.Revision}", string.Empty, string.Empty, command, now), cancellationToken)));
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Network change of a {kind} was not announced to the nodes ({error}); their periodic fetch will pick it up.")]
    private static partial void Failed(ILogger logger, string kind, string error);
}
