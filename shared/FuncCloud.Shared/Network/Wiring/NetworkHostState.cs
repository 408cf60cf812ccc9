namespace FuncCloud.Shared.Network.Wiring;

/// <summary>
/// Everything one node's network driver must make true on its host: the controller computes it from the
/// Neutron resources bound or scheduled to the node, the agent hands it to the driver, and the driver
/// converges the host to it (creating what is missing, changing what differs, removing what FuncCloud made
/// and no longer wants). It is the whole state, never a delta, so a restarted agent or a lost message heals
/// by applying the newest state again.
/// </summary>
/// <param name="NodeName">The node this state is for.</param>
/// <param name="Revision">Grows with every change the controller makes; a driver may skip a state older than the one it applied.</param>
/// <param name="Networks">The L2 segments the node takes part in (a bridge each).</param>
/// <param name="DhcpServers">The DHCP servers scheduled to this node (network role).</param>
/// <param name="Routers">The routers scheduled to this node (network role).</param>
/// <param name="Ports">The instance ports bound to this node (compute role), with their security groups.</param>
public sealed record NetworkHostState(
    string NodeName,
    long Revision,
    IReadOnlyList<WiredNetwork> Networks,
    IReadOnlyList<DhcpServerState> DhcpServers,
    IReadOnlyList<RouterState> Routers,
    IReadOnlyList<PortState> Ports)
{
    /// <summary>A state with nothing in it: applying it removes everything the driver made.</summary>
    public static NetworkHostState Empty(string nodeName) => new(nodeName, 0, [], [], [], []);
}

/// <summary>One L2 segment on this node.</summary>
/// <param name="NetworkId">The Neutron network id (the bridge is named from it, neutron's <c>brq</c> + 11 characters).</param>
/// <param name="NetworkType"><c>vxlan</c>, <c>flat</c> or <c>local</c> (neutron's provider:network_type).</param>
/// <param name="SegmentationId">The VNI for <c>vxlan</c>; null otherwise.</param>
/// <param name="PhysicalNetwork">For <c>flat</c>: the physical network name, mapped to a host bridge by the node's configuration.</param>
/// <param name="Mtu">The network's MTU (1450 on VXLAN).</param>
/// <param name="VxlanPeers">The underlay addresses of the other nodes with ports on this network (unicast FDB entries; no multicast).</param>
public sealed record WiredNetwork(
    string NetworkId,
    string NetworkType,
    int? SegmentationId,
    string? PhysicalNetwork,
    int Mtu,
    IReadOnlyList<string> VxlanPeers);

/// <summary>A DHCP server for one network (a <c>qdhcp-&lt;network&gt;</c> namespace with dnsmasq on the real driver).</summary>
/// <param name="NetworkId">The network served.</param>
/// <param name="PortId">The network's DHCP port (device_owner <c>network:dhcp</c>).</param>
/// <param name="MacAddress">The DHCP port's MAC.</param>
/// <param name="PortAddresses">The DHCP port's addresses in CIDR form (<c>10.1.0.2/24</c>).</param>
/// <param name="Mtu">The MTU handed to clients.</param>
/// <param name="Subnets">The subnets with DHCP enabled.</param>
/// <param name="Hosts">One entry per port on the network that takes an address (fixed MAC → IP).</param>
public sealed record DhcpServerState(
    string NetworkId,
    string PortId,
    string MacAddress,
    IReadOnlyList<string> PortAddresses,
    int Mtu,
    IReadOnlyList<DhcpSubnet> Subnets,
    IReadOnlyList<DhcpHost> Hosts);

/// <summary>A subnet as DHCP serves it.</summary>
/// <param name="SubnetId">The subnet id.</param>
/// <param name="Cidr">The subnet's CIDR.</param>
/// <param name="IpVersion">4 or 6.</param>
/// <param name="GatewayIp">The router option, or null for none.</param>
/// <param name="DnsNameservers">The DNS option.</param>
/// <param name="HostRoutes">Classless static routes.</param>
/// <param name="Ipv6RaMode">neutron's ipv6_ra_mode, or null.</param>
/// <param name="Ipv6AddressMode">neutron's ipv6_address_mode, or null.</param>
public sealed record DhcpSubnet(
    string SubnetId,
    string Cidr,
    int IpVersion,
    string? GatewayIp,
    IReadOnlyList<string> DnsNameservers,
    IReadOnlyList<HostRoute> HostRoutes,
    string? Ipv6RaMode,
    string? Ipv6AddressMode);

/// <summary>A static route (subnet host_routes, router extra routes).</summary>
public sealed record HostRoute(string Destination, string NextHop);

/// <summary>A fixed address lease.</summary>
/// <param name="PortId">The port.</param>
/// <param name="MacAddress">The port's MAC.</param>
/// <param name="IpAddress">The port's address on a DHCP subnet.</param>
/// <param name="Hostname">The host name handed out (<c>host-10-1-0-5</c> as neutron does, or the instance's).</param>
public sealed record DhcpHost(string PortId, string MacAddress, string IpAddress, string Hostname);

/// <summary>A router (a <c>qrouter-&lt;router&gt;</c> namespace on the real driver).</summary>
/// <param name="RouterId">The router id.</param>
/// <param name="Gateway">The external gateway, or null.</param>
/// <param name="Interfaces">The internal interfaces (device_owner <c>network:router_interface</c>).</param>
/// <param name="Routes">Extra routes.</param>
/// <param name="FloatingIps">The floating IPs whose port sits behind this router.</param>
public sealed record RouterState(
    string RouterId,
    RouterGatewayState? Gateway,
    IReadOnlyList<RouterInterfaceState> Interfaces,
    IReadOnlyList<HostRoute> Routes,
    IReadOnlyList<FloatingIpState> FloatingIps);

/// <summary>A router's external gateway port.</summary>
/// <param name="NetworkId">The external network.</param>
/// <param name="PortId">The gateway port (device_owner <c>network:router_gateway</c>).</param>
/// <param name="MacAddress">The gateway port's MAC.</param>
/// <param name="Addresses">The gateway port's addresses in CIDR form.</param>
/// <param name="GatewayIp">The external subnet's gateway (the default route), or null.</param>
/// <param name="EnableSnat">Whether internal traffic leaving through the gateway is source-NATed to its first address.</param>
public sealed record RouterGatewayState(
    string NetworkId,
    string PortId,
    string MacAddress,
    IReadOnlyList<string> Addresses,
    string? GatewayIp,
    bool EnableSnat);

/// <summary>A router interface on an internal subnet.</summary>
/// <param name="NetworkId">The internal network.</param>
/// <param name="PortId">The interface port.</param>
/// <param name="MacAddress">The interface port's MAC.</param>
/// <param name="Addresses">The interface port's addresses in CIDR form (the subnet's gateway).</param>
public sealed record RouterInterfaceState(string NetworkId, string PortId, string MacAddress, IReadOnlyList<string> Addresses);

/// <summary>A floating IP: DNAT of <paramref name="FloatingIp"/> to <paramref name="FixedIp"/> and SNAT back.</summary>
public sealed record FloatingIpState(string FloatingIpId, string FloatingIp, string FixedIp);

/// <summary>An instance port bound to this node (binding:host_id), which the compute driver plugs as a tap.</summary>
/// <param name="PortId">The port (its tap is <c>tap</c> + the first 11 characters of the id).</param>
/// <param name="NetworkId">The network (its bridge).</param>
/// <param name="MacAddress">The port's MAC.</param>
/// <param name="FixedIps">The port's addresses (plain, no prefix length).</param>
/// <param name="PortSecurityEnabled">False: no filtering and no anti-spoofing for this port.</param>
/// <param name="AllowedAddressPairs">Extra source addresses (or CIDRs) the port may send from.</param>
/// <param name="Rules">The port's security group rules with remote groups already expanded to member addresses.</param>
/// <param name="Active">
/// Whether the controller already has the port ACTIVE. A port that is not is reported back as plugged once the
/// driver applied it (nova's <c>network-vif-plugged</c>); an ACTIVE one needs no report.
/// </param>
public sealed record PortState(
    string PortId,
    string NetworkId,
    string MacAddress,
    IReadOnlyList<string> FixedIps,
    bool PortSecurityEnabled,
    IReadOnlyList<string> AllowedAddressPairs,
    IReadOnlyList<SecurityRuleState> Rules,
    bool Active = false);

/// <summary>One stateful allow rule (security groups only allow; everything else is dropped, established flows return).</summary>
/// <param name="Direction"><c>ingress</c> or <c>egress</c>.</param>
/// <param name="Ethertype"><c>IPv4</c> or <c>IPv6</c>.</param>
/// <param name="Protocol">A protocol name (<c>tcp</c>, <c>udp</c>, <c>icmp</c>, <c>ipv6-icmp</c>) or number as text, or null for any.</param>
/// <param name="PortRangeMin">The first port (or ICMP type), or null.</param>
/// <param name="PortRangeMax">The last port (or ICMP code), or null.</param>
/// <param name="RemotePrefixes">The remote addresses allowed, as CIDRs; empty means any.</param>
public sealed record SecurityRuleState(
    string Direction,
    string Ethertype,
    string? Protocol,
    int? PortRangeMin,
    int? PortRangeMax,
    IReadOnlyList<string> RemotePrefixes);
