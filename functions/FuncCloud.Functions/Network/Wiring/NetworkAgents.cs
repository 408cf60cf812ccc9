using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.Agents.Nodes;
using FuncCloud.Shared.Compute.Nodes;
using FuncCloud.Shared.Network;
using FuncCloud.Shared.Security;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Network.Wiring;

/// <summary>
/// Neutron's <c>/v2.0/agents</c> over FuncCloud's nodes: every node with the compute or network role runs a
/// "Linux bridge agent" (the L2 part), network nodes also a "DHCP agent" and an "L3 agent"; <c>alive</c> comes
/// from the node's heartbeats. Agent ids are stable (derived from the node id and the agent type). The
/// scheduling sub-resources read and move the DHCP and router bindings (admin only, as neutron's policy).
/// </summary>
public sealed class NetworkAgents(
    ComputeNodeRepository nodes, NetworkStore store, NetworkScheduler scheduler, NetworkSyncNotifier notifier, NeutronContext context,
    IOptions<ComputeNodeOptions> liveness, TimeProvider clock)
{
    /// <summary>neutron's agent_type of the L2 agent.</summary>
    public const string LinuxBridgeType = "Linux bridge agent";

    /// <summary>neutron's agent_type of the DHCP agent.</summary>
    public const string DhcpType = "DHCP agent";

    /// <summary>neutron's agent_type of the L3 agent.</summary>
    public const string L3Type = "L3 agent";

    private static readonly HashSet<string> Filters = new(
        ["id", "agent_type", "host", "alive", "admin_state_up", "binary", "topic", "availability_zone", "description", "fields", "sort_key", "sort_dir", "limit", "marker"],
        StringComparer.Ordinal);

    /// <summary>Every agent, filtered by the query's attributes.</summary>
    public async Task<JsonArray> ListAsync(RequestContext caller, IEnumerable<KeyValuePair<string, string?>> query, CancellationToken cancellationToken)
    {
        // As neutron's list controller: items the policy does not let the caller get are left out (a member
        // gets an empty list, not a 403).
        var agents = context.IsAllowed("get_agent", caller, caller.ProjectId ?? string.Empty)
            ? (await AllAsync(cancellationToken)).Select(a => a.Doc).ToList()
            : [];
        foreach (var (name, value) in query)
        {
            if (!Filters.Contains(name))
            {
                throw NeutronException.BadRequest($"{name} is invalid attribute for filtering", "HTTPBadRequest");
            }

            if (value is not null && name is not ("fields" or "sort_key" or "sort_dir" or "limit" or "marker"))
            {
                agents = [.. agents.Where(a => string.Equals(Text(a[name]), value, StringComparison.OrdinalIgnoreCase))];
            }
        }

        return new JsonArray([.. agents.Select(a => (JsonNode?)a)]);
    }

    /// <summary>One agent; 404 <c>AgentNotFound</c>.</summary>
    public async Task<JsonObject> ShowAsync(RequestContext caller, string agentId, CancellationToken cancellationToken)
    {
        context.Enforce("get_agent", caller, caller.ProjectId ?? string.Empty);
        return (await RequireAsync(agentId, null, cancellationToken)).Doc;
    }

    /// <summary>The agents hosting a network's DHCP or a router (<c>/networks/{id}/dhcp-agents</c>, <c>/routers/{id}/l3-agents</c>).</summary>
    public async Task<JsonArray> HostingAsync(RequestContext caller, string bindingKind, string resourceId, CancellationToken cancellationToken)
    {
        context.Enforce("get_agent", caller, caller.ProjectId ?? string.Empty);
        var host = (await store.GetAsync(bindingKind, resourceId, cancellationToken))?.Body.Str("host");
        var type = bindingKind == NetworkBindingKinds.Dhcp ? DhcpType : L3Type;
        return new JsonArray([.. (await AllAsync(cancellationToken)).Where(a => a.Node == host && a.Type == type).Select(a => (JsonNode?)a.Doc)]);
    }

    /// <summary>The networks (DHCP agent) or routers (L3 agent) an agent hosts, as Neutron documents.</summary>
    public async Task<JsonArray> HostedAsync(RequestContext caller, string agentId, string bindingKind, CancellationToken cancellationToken)
    {
        context.Enforce("get_agent", caller, caller.ProjectId ?? string.Empty);
        var agent = await RequireAsync(agentId, bindingKind, cancellationToken);
        var kind = bindingKind == NetworkBindingKinds.Dhcp ? ResourceKindNames.Network : ResourceKindNames.Router;
        var hosted = (await store.ListAsync(bindingKind, cancellationToken)).Where(b => b.Body.Str("host") == agent.Node).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        return new JsonArray([.. (await store.ListAsync(kind, cancellationToken)).Where(r => hosted.Contains(r.Id)).Select(r => (JsonNode?)r.Body.Copy())]);
    }

    /// <summary>Schedules a network (DHCP) or router (L3) to the agent's node; 409 when another agent hosts it.</summary>
    public async Task AddAsync(RequestContext caller, string agentId, string bindingKind, string resourceId, CancellationToken cancellationToken)
    {
        context.Enforce("update_agent", caller, caller.ProjectId ?? string.Empty);
        var agent = await RequireAsync(agentId, bindingKind, cancellationToken);
        var kind = bindingKind == NetworkBindingKinds.Dhcp ? ResourceKindNames.Network : ResourceKindNames.Router;
        var resource = await store.GetAsync(kind, resourceId, cancellationToken)
            ?? throw (kind == ResourceKindNames.Network
                ? NeutronException.NotFound("NetworkNotFound", $"Network {resourceId} could not be found.")
                : NeutronException.NotFound("RouterNotFound", $"Router {resourceId} could not be found."));
        var current = (await store.GetAsync(bindingKind, resourceId, cancellationToken))?.Body.Str("host");
        if (current == agent.Node)
        {
            return;
        }

        if (current is not null)
        {
            var holder = AgentId(current, agent.Type);
            throw kind == ResourceKindNames.Network
                ? NeutronException.Conflict("NetworkHostedByDHCPAgent", $"The network {resourceId} has been already hosted by the DHCP Agent {holder}.")
                : NeutronException.Conflict("RouterHostedByL3Agent", $"The router {resourceId} has been already hosted by the L3 Agent {holder}.");
        }

        await scheduler.BindAsync(bindingKind, resource.Id, agent.Node, cancellationToken);
        await AnnounceAsync(kind, resource.Body, cancellationToken);
    }

    /// <summary>Unschedules a network's DHCP (its DHCP port goes with it) or a router from the agent's node.</summary>
    public async Task RemoveAsync(RequestContext caller, string agentId, string bindingKind, string resourceId, CancellationToken cancellationToken)
    {
        context.Enforce("update_agent", caller, caller.ProjectId ?? string.Empty);
        var agent = await RequireAsync(agentId, bindingKind, cancellationToken);
        if ((await store.GetAsync(bindingKind, resourceId, cancellationToken))?.Body.Str("host") != agent.Node)
        {
            throw bindingKind == NetworkBindingKinds.Dhcp
                ? NeutronException.Conflict("NetworkNotHostedByDhcpAgent", $"The network {resourceId} is not hosted by the DHCP agent {agentId}.")
                : NeutronException.Conflict("RouterNotHostedByL3Agent", $"The router {resourceId} is not hosted by L3 agent {agentId}.");
        }

        if (bindingKind == NetworkBindingKinds.Dhcp)
        {
            await DeleteDhcpPortsAsync(resourceId, cancellationToken);
        }

        await scheduler.BindAsync(bindingKind, resourceId, null, cancellationToken);
        await notifier.KickAsync([agent.Node], cancellationToken);
        var kind = bindingKind == NetworkBindingKinds.Dhcp ? ResourceKindNames.Network : ResourceKindNames.Router;
        if (await store.GetAsync(kind, resourceId, cancellationToken) is { } resource)
        {
            await AnnounceAsync(kind, resource.Body, cancellationToken);
        }
    }

    private Task AnnounceAsync(string kind, JsonObject doc, CancellationToken cancellationToken) => notifier.NotifyAsync(kind, [doc], cancellationToken);

    private async Task DeleteDhcpPortsAsync(string networkId, CancellationToken cancellationToken)
    {
        foreach (var port in (await store.ListAsync(ResourceKindNames.Port, cancellationToken)).Where(p => p.Body.Str("network_id") == networkId && p.Body.Str("device_owner") == "network:dhcp"))
        {
            var batch = new NetworkBatch();
            PortKind.ReleaseAll(port.Body, batch);
            await store.CommitAsync(batch.Delete(port), cancellationToken);
        }
    }

    private async Task<Agent> RequireAsync(string agentId, string? bindingKind, CancellationToken cancellationToken)
    {
        var agent = (await AllAsync(cancellationToken)).FirstOrDefault(a => a.Doc.Id() == agentId)
            ?? throw NeutronException.NotFound("AgentNotFound", $"Agent {agentId} could not be found.");
        return bindingKind switch
        {
            NetworkBindingKinds.Dhcp when agent.Type != DhcpType => throw NeutronException.BadRequest($"Agent {agentId} is not a valid DHCP Agent or has been disabled.", "InvalidDHCPAgent"),
            NetworkBindingKinds.L3 when agent.Type != L3Type => throw NeutronException.BadRequest($"Agent {agentId} is not a L3 Agent or has been disabled.", "InvalidL3Agent"),
            _ => agent,
        };
    }

    private async Task<List<Agent>> AllAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var agents = new List<Agent>();
        foreach (var node in (await nodes.ListAsync(cancellationToken)).OrderBy(n => n.Name, StringComparer.Ordinal))
        {
            var network = node.Roles.Contains(NodeRoles.Network);
            if (network || node.IsCompute)
            {
                agents.Add(Make(node, LinuxBridgeType, "neutron-linuxbridge-agent", "N/A", null, now));
            }

            if (network)
            {
                agents.Add(Make(node, DhcpType, "neutron-dhcp-agent", "dhcp_agent", node.AvailabilityZone, now));
                agents.Add(Make(node, L3Type, "neutron-l3-agent", "l3_agent", node.AvailabilityZone, now));
            }
        }

        return agents;
    }

    private Agent Make(ComputeNodeRecord node, string type, string binary, string topic, string? zone, DateTimeOffset now) => new(node.Name, type, new JsonObject
    {
        ["admin_state_up"] = node.Enabled,
        ["agent_type"] = type,
        ["alive"] = node.IsUp(now, liveness.Value.DownAfter),
        ["availability_zone"] = zone,
        ["binary"] = binary,
        ["configurations"] = new JsonObject(),
        ["created_at"] = Stamp(node.RegisteredAt),
        ["description"] = null,
        ["heartbeat_timestamp"] = Stamp(node.LastHeartbeatAt),
        ["host"] = node.Name,
        ["id"] = AgentId(node.Name, type),
        ["resources_synced"] = null,
        ["started_at"] = Stamp(node.RegisteredAt),
        ["topic"] = topic,
    });

    private static string AgentId(string node, string type) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"funccloud-agent:{node}:{type}")).AsSpan(0, 16)).ToString("D");

    private static string Stamp(DateTimeOffset when) => when.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => node.ToJsonString(),
    };

    private sealed record Agent(string Node, string Type, JsonObject Doc);
}
