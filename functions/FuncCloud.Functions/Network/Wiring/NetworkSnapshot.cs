using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.Network;

namespace FuncCloud.Functions.Network.Wiring;

/// <summary>
/// The Neutron resources a node's desired state is computed from, read once per computation (one range query
/// per kind in the <c>Networking</c> partition), with the lookups the builder needs.
/// </summary>
public sealed class NetworkSnapshot
{
    private NetworkSnapshot(Dictionary<string, IReadOnlyList<JsonObject>> kinds)
    {
        Networks = kinds[ResourceKindNames.Network].ToDictionary(n => n.Id(), StringComparer.Ordinal);
        Subnets = kinds[ResourceKindNames.Subnet].ToDictionary(s => s.Id(), StringComparer.Ordinal);
        Ports = kinds[ResourceKindNames.Port];
        Routers = kinds[ResourceKindNames.Router];
        FloatingIps = kinds[ResourceKindNames.FloatingIp];
        Rules = kinds[ResourceKindNames.SecurityGroupRule].ToLookup(r => r.Str("security_group_id") ?? string.Empty, StringComparer.Ordinal);
        DhcpBindings = kinds[NetworkBindingKinds.Dhcp].ToDictionary(b => b.Id(), b => b.Str("host") ?? string.Empty, StringComparer.Ordinal);
        RouterBindings = kinds[NetworkBindingKinds.L3].ToDictionary(b => b.Id(), b => b.Str("host") ?? string.Empty, StringComparer.Ordinal);
        NodeAddresses = kinds[NetworkBindingKinds.Node].ToDictionary(b => b.Id(), b => b.Str("local_ip") ?? string.Empty, StringComparer.Ordinal);
    }

    private static readonly string[] AllKinds =
    [
        ResourceKindNames.Network, ResourceKindNames.Subnet, ResourceKindNames.Port, ResourceKindNames.Router, ResourceKindNames.FloatingIp,
        ResourceKindNames.SecurityGroupRule, NetworkBindingKinds.Dhcp, NetworkBindingKinds.L3, NetworkBindingKinds.Node,
    ];

    /// <summary>Networks by id.</summary>
    public IReadOnlyDictionary<string, JsonObject> Networks { get; }

    /// <summary>Subnets by id.</summary>
    public IReadOnlyDictionary<string, JsonObject> Subnets { get; }

    /// <summary>Every port.</summary>
    public IReadOnlyList<JsonObject> Ports { get; }

    /// <summary>Every router.</summary>
    public IReadOnlyList<JsonObject> Routers { get; }

    /// <summary>Every floating IP.</summary>
    public IReadOnlyList<JsonObject> FloatingIps { get; }

    /// <summary>Security group rules by group.</summary>
    public ILookup<string, JsonObject> Rules { get; }

    /// <summary>Network id → the node hosting its DHCP server.</summary>
    public IReadOnlyDictionary<string, string> DhcpBindings { get; }

    /// <summary>Router id → the node hosting it.</summary>
    public IReadOnlyDictionary<string, string> RouterBindings { get; }

    /// <summary>Node → its VXLAN underlay address (as the node reported it; empty when none).</summary>
    public IReadOnlyDictionary<string, string> NodeAddresses { get; }

    /// <summary>Reads every kind the state depends on.</summary>
    public static Task<NetworkSnapshot> LoadAsync(NetworkStore store, CancellationToken cancellationToken) => LoadAsync(store,
        [
            ResourceKindNames.Network, ResourceKindNames.Subnet, ResourceKindNames.Port, ResourceKindNames.Router, ResourceKindNames.FloatingIp,
            ResourceKindNames.SecurityGroupRule, NetworkBindingKinds.Dhcp, NetworkBindingKinds.L3, NetworkBindingKinds.Node,
        ], cancellationToken);

    /// <summary>Reads only what <see cref="Participants"/> needs (ports and bindings): the cheap read of a change notification.</summary>
    public static Task<NetworkSnapshot> LoadBindingsAsync(NetworkStore store, CancellationToken cancellationToken) =>
        LoadAsync(store, [ResourceKindNames.Port, NetworkBindingKinds.Dhcp, NetworkBindingKinds.L3], cancellationToken);

    private static async Task<NetworkSnapshot> LoadAsync(NetworkStore store, string[] names, CancellationToken cancellationToken)
    {
        var reads = names.Select(async name => (name, (IReadOnlyList<JsonObject>)[.. (await store.ListAsync(name, cancellationToken)).Select(r => r.Body)])).ToList();
        var kinds = AllKinds.ToDictionary(k => k, _ => (IReadOnlyList<JsonObject>)[], StringComparer.Ordinal);
        foreach (var (name, docs) in await Task.WhenAll(reads))
        {
            kinds[name] = docs;
        }

        return new NetworkSnapshot(kinds);
    }

    /// <summary>The node each instance port is bound to (<c>binding:host_id</c>; network-owned ports excluded).</summary>
    public static bool IsInstancePort(JsonObject port) =>
        !string.IsNullOrEmpty(port.Str("binding:host_id")) && !(port.Str("device_owner") ?? string.Empty).StartsWith("network:", StringComparison.Ordinal);

    /// <summary>The ports a router owns (its interfaces and its gateway).</summary>
    public IEnumerable<JsonObject> RouterPorts(string routerId) =>
        Ports.Where(p => p.Str("device_id") == routerId && p.Str("device_owner") is PortKind.RouterInterfaceOwner or PortKind.RouterGatewayOwner);

    /// <summary>
    /// Network id → the nodes taking part in it: bound instance ports, the DHCP server's node, the nodes of the
    /// routers with an interface or gateway on it.
    /// </summary>
    public Dictionary<string, SortedSet<string>> Participants()
    {
        var result = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void Add(string? network, string? node)
        {
            if (!string.IsNullOrEmpty(network) && !string.IsNullOrEmpty(node))
            {
                (result.TryGetValue(network, out var set) ? set : result[network] = new SortedSet<string>(StringComparer.Ordinal)).Add(node);
            }
        }

        foreach (var port in Ports.Where(IsInstancePort))
        {
            Add(port.Str("network_id"), port.Str("binding:host_id"));
        }

        foreach (var (network, node) in DhcpBindings)
        {
            Add(network, node);
        }

        foreach (var port in Ports.Where(p => p.Str("device_owner") is PortKind.RouterInterfaceOwner or PortKind.RouterGatewayOwner))
        {
            Add(port.Str("network_id"), RouterBindings.GetValueOrDefault(port.Str("device_id") ?? string.Empty));
        }

        return result;
    }
}

/// <summary>
/// The controller's own rows in the <c>Networking</c> partition (not Neutron resources, never listed by the API):
/// where DHCP servers and routers are scheduled, and what each network node reported about itself.
/// </summary>
public static class NetworkBindingKinds
{
    /// <summary>id = network id, <c>host</c> = the node serving DHCP.</summary>
    public const string Dhcp = "dhcp_binding";

    /// <summary>id = router id, <c>host</c> = the node hosting it.</summary>
    public const string L3 = "l3_binding";

    /// <summary>id = node name, <c>local_ip</c> = its VXLAN underlay address.</summary>
    public const string Node = "network_node";
}
