using System.Net;
using System.Numerics;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Shared.Network;

namespace FuncCloud.Functions.Network.Services;

/// <summary>
/// Address and MAC management in the controller. An address is taken by reserving the key
/// <c>ip:&lt;subnet&gt;:&lt;address&gt;</c> in the same transaction that writes the port: two concurrent
/// creates that pick one address cannot both commit (the second insert fails and re-plans with another
/// candidate), so no address is handed out twice and nothing is locked. Candidates are drawn at random among
/// the first free addresses of the pools, so concurrent creates rarely collide. Released keys are deleted
/// with the port: the address is free again.
/// </summary>
public static class Ipam
{
    private const int CandidateWindow = 64;

    /// <summary>The reservation key of <paramref name="address"/> on <paramref name="subnetId"/>.</summary>
    public static string AddressKey(string subnetId, string address) => $"ip:{subnetId}:{address}";

    /// <summary>The reservation key of a MAC on a network (neutron: unique per network).</summary>
    public static string MacKey(string networkId, string mac) => $"mac:{networkId}:{mac}";

    /// <summary>The allocation pools of a subnet as address-number ranges.</summary>
    public static List<(BigInteger Start, BigInteger End)> Pools(JsonObject subnet) =>
        subnet.Objects("allocation_pools")
            .Select(p => (IpMath.ToNumber(IPAddress.Parse(p.Str("start")!)), IpMath.ToNumber(IPAddress.Parse(p.Str("end")!))))
            .ToList();

    /// <summary>True when <paramref name="address"/> lies in one of the subnet's pools.</summary>
    public static bool InPools(JsonObject subnet, IPAddress address)
    {
        var n = IpMath.ToNumber(address);
        return Pools(subnet).Any(p => n >= p.Start && n <= p.End);
    }

    /// <summary>
    /// Reserves <paramref name="requested"/> (which must be in the subnet; neutron allows any address of the
    /// CIDR when named explicitly, except the gateway for non-router ports) or a free pool address.
    /// </summary>
    public static async Task<string> AllocateAsync(NetworkStore store, JsonObject subnet, string? requested, string portId, bool routerPort, NetworkBatch batch, CancellationToken cancellationToken)
    {
        var subnetId = subnet.Id();
        var network = IpMath.ParseCidr(subnet.Str("cidr"));
        if (requested is not null)
        {
            var address = IpMath.ParseAddress(requested, "ip_address");
            if (!network.Contains(address) || IsNetworkOrBroadcast(network, address))
            {
                throw NeutronException.BadRequest($"IP address {requested} is not a valid IP for the specified subnet.", "InvalidIpForSubnet");
            }

            if (!routerPort && subnet.Str("gateway_ip") is { } gateway && IPAddress.Parse(gateway).Equals(address))
            {
                throw NeutronException.Conflict("IpAddressInUse", $"Unable to complete operation for network {subnet.Str("network_id")}. The IP address {requested} is in use.");
            }

            var canonical = IpMath.Canonical(address);
            if (await store.KeyOwnerAsync(AddressKey(subnetId, canonical), cancellationToken) is not null || batch.Touches(AddressKey(subnetId, canonical)))
            {
                throw NeutronException.Conflict("IpAddressAlreadyAllocated", $"IP address {canonical} already allocated in subnet {subnetId}");
            }

            batch.Reserve(AddressKey(subnetId, canonical), portId);
            return canonical;
        }

        var taken = await store.ListKeysAsync($"ip:{subnetId}:", cancellationToken);
        var family = network.BaseAddress.AddressFamily;
        var free = new List<BigInteger>(CandidateWindow);
        foreach (var (start, end) in Pools(subnet))
        {
            for (var n = start; n <= end && free.Count < CandidateWindow; n++)
            {
                if (!taken.ContainsKey(IpMath.Canonical(IpMath.FromNumber(n, family))) && !batch.Touches(AddressKey(subnetId, IpMath.Canonical(IpMath.FromNumber(n, family)))))
                {
                    free.Add(n);
                }
            }
        }

        if (free.Count == 0)
        {
            throw NeutronException.Conflict("IpAddressGenerationFailure", $"No more IP addresses available on network {subnet.Str("network_id")}.");
        }

        var chosen = IpMath.Canonical(IpMath.FromNumber(free[Random.Shared.Next(free.Count)], family));
        batch.Reserve(AddressKey(subnetId, chosen), portId);
        return chosen;
    }

    /// <summary>Reserves <paramref name="address"/>, one the controller computed (an EUI-64), on <paramref name="subnetId"/>.</summary>
    public static async Task<string> ReserveAsync(NetworkStore store, string subnetId, string address, string portId, NetworkBatch batch, CancellationToken cancellationToken)
    {
        if (await store.KeyOwnerAsync(AddressKey(subnetId, address), cancellationToken) is not null || batch.Touches(AddressKey(subnetId, address)))
        {
            throw NeutronException.Conflict("IpAddressAlreadyAllocated", $"IP address {address} already allocated in subnet {subnetId}");
        }

        batch.Reserve(AddressKey(subnetId, address), portId);
        return address;
    }

    /// <summary>A random MAC with neutron's base <c>fa:16:3e</c>.</summary>
    public static string RandomMac()
    {
        Span<byte> tail = stackalloc byte[3];
        Random.Shared.NextBytes(tail);
        return $"fa:16:3e:{tail[0]:x2}:{tail[1]:x2}:{tail[2]:x2}";
    }

    /// <summary>Validates and normalises a requested MAC (lower case, colon separated, unicast).</summary>
    public static string ParseMac(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 6 || parts.Any(p => p.Length != 2 || !byte.TryParse(p, System.Globalization.NumberStyles.HexNumber, null, out _))
            || (Convert.ToByte(parts[0], 16) & 1) == 1)
        {
            throw NeutronException.InvalidInput($"'{text}' is not a valid MAC address.");
        }

        return text.ToLowerInvariant();
    }

    private static bool IsNetworkOrBroadcast(IPNetwork network, IPAddress address)
    {
        if (IpMath.Version(address) == 6 || network.PrefixLength >= 31)
        {
            return false;
        }

        var (first, last) = IpMath.Range(network);
        var n = IpMath.ToNumber(address);
        return n == first || n == last;
    }
}
