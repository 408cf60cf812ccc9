using System.Net;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Services;
using FuncCloud.Shared.Network.Wiring;

namespace FuncCloud.Functions.Network.Wiring;

/// <summary>
/// Computes the whole desired state of one node from a <see cref="NetworkSnapshot"/>: the instance ports bound
/// to it (with their security group rules, remote groups expanded to member addresses), the DHCP servers and
/// routers scheduled to it, and the L2 segments all of these need with their VXLAN peers. Pure: the same
/// snapshot gives the same state (everything sorted by id), which is what makes a re-apply a no-op.
/// </summary>
public static class NetworkStateBuilder
{
    private const string DhcpOwner = "network:dhcp";

    /// <summary>The desired state of <paramref name="node"/>.</summary>
    public static NetworkHostState Build(NetworkSnapshot snapshot, string node, long revision)
    {
        var participants = snapshot.Participants();
        var ports = snapshot.Ports.Where(p => NetworkSnapshot.IsInstancePort(p) && p.Str("binding:host_id") == node)
            .Where(p => snapshot.Networks.ContainsKey(p.Str("network_id")!))
            .OrderBy(p => p.Id(), StringComparer.Ordinal)
            .Select(p => Port(snapshot, p)).ToList();
        var dhcp = snapshot.DhcpBindings.Where(b => b.Value == node).Select(b => b.Key).Order(StringComparer.Ordinal)
            .Select(n => Dhcp(snapshot, n)).OfType<DhcpServerState>().ToList();
        var routers = snapshot.Routers.Where(r => snapshot.RouterBindings.GetValueOrDefault(r.Id()) == node)
            .OrderBy(r => r.Id(), StringComparer.Ordinal).Select(r => Router(snapshot, r)).ToList();

        var networkIds = new SortedSet<string>(StringComparer.Ordinal);
        networkIds.UnionWith(ports.Select(p => p.NetworkId));
        networkIds.UnionWith(dhcp.Select(d => d.NetworkId));
        foreach (var router in routers)
        {
            networkIds.UnionWith(router.Interfaces.Select(i => i.NetworkId));
            if (router.Gateway is { } gateway)
            {
                networkIds.Add(gateway.NetworkId);
            }
        }

        var networks = networkIds.Where(snapshot.Networks.ContainsKey).Select(id => Wired(snapshot, snapshot.Networks[id], node, participants.GetValueOrDefault(id))).ToList();
        return new NetworkHostState(node, revision, networks, dhcp, routers, ports);
    }

    private static WiredNetwork Wired(NetworkSnapshot snapshot, JsonObject network, string node, SortedSet<string>? participants)
    {
        var type = network.Str("provider:network_type") ?? "vxlan";
        var peers = type == "vxlan"
            ? (participants ?? []).Where(n => n != node).Select(n => snapshot.NodeAddresses.GetValueOrDefault(n)).Where(ip => !string.IsNullOrEmpty(ip)).Select(ip => ip!).Distinct().Order(StringComparer.Ordinal).ToList()
            : [];
        return new WiredNetwork(network.Id(), type, (int?)network.Int("provider:segmentation_id"), network.Str("provider:physical_network"), (int)(network.Int("mtu") ?? 1450), peers);
    }

    private static PortState Port(NetworkSnapshot snapshot, JsonObject port)
    {
        var security = port.Bool("port_security_enabled", true);
        var rules = security
            ? (port.Strings("security_groups") ?? []).Order(StringComparer.Ordinal).SelectMany(g => snapshot.Rules[g].OrderBy(r => r.Id(), StringComparer.Ordinal))
                .Select(r => SecurityRules.Expand(snapshot, r)).OfType<SecurityRuleState>().Distinct(SecurityRules.Comparer).ToList()
            : [];
        return new PortState(
            port.Id(),
            port.Str("network_id")!,
            port.Str("mac_address")!,
            [.. port.Objects("fixed_ips").Select(ip => ip.Str("ip_address")!)],
            security,
            security ? [.. port.Objects("allowed_address_pairs").Select(p => p.Str("ip_address")!)] : [],
            rules,
            port.Str("status") == "ACTIVE");
    }

    private static DhcpServerState? Dhcp(NetworkSnapshot snapshot, string networkId)
    {
        var network = snapshot.Networks.GetValueOrDefault(networkId);
        var dhcpPort = snapshot.Ports.Where(p => p.Str("network_id") == networkId && p.Str("device_owner") == DhcpOwner).OrderBy(p => p.Id(), StringComparer.Ordinal).FirstOrDefault();
        var subnets = snapshot.Subnets.Values.Where(s => s.Str("network_id") == networkId && s.Bool("enable_dhcp", true)).OrderBy(s => s.Id(), StringComparer.Ordinal).ToList();
        if (network is null || dhcpPort is null || subnets.Count == 0)
        {
            // Not (yet) servable: the scheduler makes the DHCP port on its next round.
            return null;
        }

        var dhcpSubnets = subnets.Select(s => s.Id()).ToHashSet(StringComparer.Ordinal);
        var hosts = snapshot.Ports.Where(p => p.Str("network_id") == networkId && p.Id() != dhcpPort.Id()).OrderBy(p => p.Id(), StringComparer.Ordinal)
            .SelectMany(p => p.Objects("fixed_ips").Where(ip => dhcpSubnets.Contains(ip.Str("subnet_id")!))
                .Select(ip => new DhcpHost(p.Id(), p.Str("mac_address")!, ip.Str("ip_address")!, "host-" + ip.Str("ip_address")!.Replace('.', '-').Replace(':', '-'))))
            .ToList();
        return new DhcpServerState(
            networkId,
            dhcpPort.Id(),
            dhcpPort.Str("mac_address")!,
            Addresses(snapshot, dhcpPort),
            (int)(network.Int("mtu") ?? 1450),
            [.. subnets.Select(s => new DhcpSubnet(
                s.Id(),
                s.Str("cidr")!,
                (int)(s.Int("ip_version") ?? 4),
                s.Str("gateway_ip"),
                s.Strings("dns_nameservers") ?? [],
                [.. s.Objects("host_routes").Select(r => new HostRoute(r.Str("destination")!, r.Str("nexthop")!))],
                s.Str("ipv6_ra_mode"),
                s.Str("ipv6_address_mode")))],
            hosts);
    }

    private static RouterState Router(NetworkSnapshot snapshot, JsonObject router)
    {
        var owned = snapshot.RouterPorts(router.Id()).OrderBy(p => p.Id(), StringComparer.Ordinal).ToList();
        RouterGatewayState? gateway = null;
        if (router["external_gateway_info"] is JsonObject info && owned.FirstOrDefault(p => p.Str("device_owner") == PortKind.RouterGatewayOwner) is { } gatewayPort)
        {
            var firstSubnet = gatewayPort.Objects("fixed_ips").Select(ip => snapshot.Subnets.GetValueOrDefault(ip.Str("subnet_id")!)).FirstOrDefault(s => s is not null);
            gateway = new RouterGatewayState(
                gatewayPort.Str("network_id")!, gatewayPort.Id(), gatewayPort.Str("mac_address")!, Addresses(snapshot, gatewayPort),
                firstSubnet?.Str("gateway_ip"), info.Bool("enable_snat", true));
        }

        var interfaces = owned.Where(p => p.Str("device_owner") == PortKind.RouterInterfaceOwner)
            .Select(p => new RouterInterfaceState(p.Str("network_id")!, p.Id(), p.Str("mac_address")!, Addresses(snapshot, p))).ToList();
        var floating = snapshot.FloatingIps.Where(f => f.Str("router_id") == router.Id() && f.Str("port_id") is not null && f.Str("fixed_ip_address") is not null)
            .OrderBy(f => f.Id(), StringComparer.Ordinal)
            .Select(f => new FloatingIpState(f.Id(), f.Str("floating_ip_address")!, f.Str("fixed_ip_address")!)).ToList();
        var routes = router.Objects("routes").Select(r => new HostRoute(r.Str("destination")!, r.Str("nexthop")!)).ToList();
        return new RouterState(router.Id(), gateway, interfaces, routes, floating);
    }

    private static List<string> Addresses(NetworkSnapshot snapshot, JsonObject port) =>
    [
        .. port.Objects("fixed_ips").Select(ip =>
        {
            var address = ip.Str("ip_address")!;
            return snapshot.Subnets.GetValueOrDefault(ip.Str("subnet_id")!)?.Str("cidr") is { } cidr
                ? $"{address}/{IPNetwork.Parse(cidr).PrefixLength}"
                : address;
        }),
    ];
}
