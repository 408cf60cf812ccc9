using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;

namespace FuncCloud.Functions.Network.Services;

/// <summary>
/// IPv6 auto-address subnets (<c>slaac</c> and <c>dhcpv6-stateless</c>), as neutron's IPAM treats them: every
/// port of the network except router interfaces holds the EUI-64 address its MAC gives (the address the guest
/// configures itself from the router advertisement), never a pool address and never one named by the user.
/// </summary>
public static class AutoAddress
{
    /// <summary>The owners of router interface ports (neutron's <c>ROUTER_INTERFACE_OWNERS</c>).</summary>
    public static readonly IReadOnlySet<string> RouterInterfaceOwners = new HashSet<string>(
        [PortKind.RouterInterfaceOwner, "network:router_interface_distributed", "network:ha_router_replicated_interface"], StringComparer.Ordinal);

    /// <summary>Router interface owners plus the DVR SNAT port (neutron's <c>ROUTER_INTERFACE_OWNERS_SNAT</c>): they get no auto-address.</summary>
    public static readonly IReadOnlySet<string> RouterInterfaceOwnersSnat = new HashSet<string>(
        [.. RouterInterfaceOwners, "network:router_centralized_snat"], StringComparer.Ordinal);

    private static readonly string[] AutoModes = ["slaac", "dhcpv6-stateless"];

    /// <summary>True when either IPv6 mode of <paramref name="subnet"/> is <c>slaac</c> or <c>dhcpv6-stateless</c>.</summary>
    public static bool IsAutoAddressSubnet(JsonObject subnet) =>
        AutoModes.Contains(subnet.Str("ipv6_address_mode")) || AutoModes.Contains(subnet.Str("ipv6_ra_mode"));

    /// <summary>True when a port of <paramref name="owner"/> gets the auto-addresses of the network.</summary>
    public static bool Receives(string owner) => !RouterInterfaceOwnersSnat.Contains(owner);

    /// <summary>
    /// The modified EUI-64 address (RFC 4291 appendix A) of <paramref name="mac"/> in the /64 <paramref name="cidr"/>:
    /// the MAC split by <c>ff:fe</c>, its universal/local bit flipped, under the prefix.
    /// </summary>
    public static string Eui64(string cidr, string mac)
    {
        var prefix = IpMath.ParseCidr(cidr);
        var m = mac.Split(':').Select(p => Convert.ToByte(p, 16)).ToArray();
        byte[] interfaceId = [(byte)(m[0] ^ 0x02), m[1], m[2], 0xff, 0xfe, m[3], m[4], m[5]];
        var id = new BigInteger(interfaceId, isUnsigned: true, isBigEndian: true);
        var (first, _) = IpMath.Range(prefix);
        return IpMath.Canonical(IpMath.FromNumber(first | id, AddressFamily.InterNetworkV6));
    }

    /// <summary>True for an IPv6 address whose interface id carries the <c>ff:fe</c> of an EUI-64 (neutron's <c>is_eui64_address</c>).</summary>
    public static bool IsEui64(string? address) =>
        address is not null && IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6
        && ip.GetAddressBytes() is var b && b[11] == 0xff && b[12] == 0xfe;

    /// <summary>Neutron's refusal of a named address on an auto-address subnet (other than the port's EUI-64).</summary>
    public static NeutronException NamedAddressRefused(string address, string subnetId) => NeutronException.BadRequest(
        $"IPv6 address {address} cannot be directly assigned to a port on subnet {subnetId} as the subnet is configured for automatic addresses",
        "AllocationOnAutoAddressSubnet");

    /// <summary>Neutron's refusal of an auto-address subnet whose prefix is not a /64.</summary>
    public static NeutronException PrefixRefused(string cidr) => NeutronException.InvalidInput(
        $"Invalid CIDR {cidr} for IPv6 address mode. OpenStack uses the EUI-64 address format, which requires the prefix to be /64");
}
