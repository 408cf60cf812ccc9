using System.Net;
using System.Numerics;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;

namespace FuncCloud.Functions.Network.Services;

/// <summary>
/// The checks and canonical forms of a subnet request's own fields — gateway, allocation pools, DNS servers, host
/// routes, IPv6 modes — as neutron validates them; <see cref="SubnetKind"/> applies them on create and update.
/// </summary>
internal static class SubnetFields
{
    private static readonly string[] Ipv6Modes = ["slaac", "dhcpv6-stateful", "dhcpv6-stateless"];

    internal static IPAddress? Gateway(IPNetwork cidr, JsonObject request, bool hasKey)
    {
        if (hasKey && request["gateway_ip"] is null)
        {
            return null;
        }

        var (first, last) = IpMath.Range(cidr);
        if (request.Str("gateway_ip") is not { } text)
        {
            return IpMath.FromNumber(first + 1, cidr.BaseAddress.AddressFamily);
        }

        var gateway = IpMath.ParseAddress(text, "gateway_ip");
        var n = IpMath.ToNumber(gateway);
        var v4 = IpMath.Version(gateway) == 4;
        if (!cidr.Contains(gateway) || (v4 && cidr.PrefixLength < 31 && (n == first || n == last)))
        {
            throw NeutronException.BadRequest($"Invalid input for operation: Gateway IP {text} is not valid on subnet {cidr}.", "InvalidInput");
        }

        return gateway;
    }

    internal static JsonArray DefaultPools(IPNetwork cidr, IPAddress? gateway)
    {
        var (first, last) = IpMath.Range(cidr);
        var v4 = IpMath.Version(cidr.BaseAddress) == 4;
        var start = v4 && cidr.PrefixLength >= 31 ? first : first + 1;
        var end = v4 && cidr.PrefixLength < 31 ? last - 1 : last;
        var ranges = new List<(BigInteger, BigInteger)>();
        if (gateway is not null && IpMath.ToNumber(gateway) is var g && g >= start && g <= end)
        {
            if (g > start)
            {
                ranges.Add((start, g - 1));
            }

            if (g < end)
            {
                ranges.Add((g + 1, end));
            }
        }
        else if (start <= end)
        {
            ranges.Add((start, end));
        }

        return new JsonArray(ranges.Select(r => (JsonNode?)Pool(r.Item1, r.Item2, cidr)).ToArray());
    }

    internal static JsonArray ValidatePools(IPNetwork cidr, IPAddress? gateway, JsonObject request)
    {
        var ranges = new List<(BigInteger Start, BigInteger End)>();
        foreach (var pool in request.Objects("allocation_pools"))
        {
            var start = IpMath.ParseAddress(pool.Str("start"), "allocation_pools.start");
            var end = IpMath.ParseAddress(pool.Str("end"), "allocation_pools.end");
            if (!cidr.Contains(start) || !cidr.Contains(end))
            {
                throw NeutronException.BadRequest($"The allocation pool {start}-{end} spans beyond the subnet cidr {cidr}.", "OutOfBoundsAllocationPool");
            }

            var (s, e) = (IpMath.ToNumber(start), IpMath.ToNumber(end));
            if (s > e)
            {
                throw NeutronException.BadRequest($"Invalid allocation pool {start}-{end}: start is after end.", "InvalidAllocationPool");
            }

            if (ranges.Any(r => s <= r.End && r.Start <= e))
            {
                throw NeutronException.BadRequest($"Found overlapping allocation pools: {start}-{end}.", "OverlappingAllocationPools");
            }

            if (gateway is not null && IpMath.ToNumber(gateway) is var g && g >= s && g <= e)
            {
                throw NeutronException.Conflict("GatewayConflictWithAllocationPools", $"Gateway ip {gateway} conflicts with allocation pool {start}-{end}.");
            }

            ranges.Add((s, e));
        }

        return new JsonArray(ranges.Select(r => (JsonNode?)Pool(r.Start, r.End, cidr)).ToArray());
    }

    private static JsonObject Pool(BigInteger start, BigInteger end, IPNetwork cidr) => new()
    {
        ["start"] = IpMath.Canonical(IpMath.FromNumber(start, cidr.BaseAddress.AddressFamily)),
        ["end"] = IpMath.Canonical(IpMath.FromNumber(end, cidr.BaseAddress.AddressFamily)),
    };

    internal static JsonArray Nameservers(JsonObject request) =>
        (request.Strings("dns_nameservers") ?? []).Select(d => IpMath.Canonical(IpMath.ParseAddress(d, "dns_nameservers"))).ToJsonArray();

    internal static JsonArray HostRoutes(JsonObject request, int version) => new(request.Objects("host_routes").Select(r =>
    {
        var destination = IpMath.ParseCidr(r.Str("destination"), "host_routes.destination");
        var nexthop = IpMath.ParseAddress(r.Str("nexthop"), "host_routes.nexthop");
        if (IpMath.Version(destination.BaseAddress) != version || IpMath.Version(nexthop) != version)
        {
            throw NeutronException.InvalidInput($"Host route {destination} via {nexthop} is not IPv{version}.");
        }

        return (JsonNode?)new JsonObject { ["destination"] = destination.ToString(), ["nexthop"] = IpMath.Canonical(nexthop) };
    }).ToArray());

    internal static string? Mode(JsonObject request, string name, int version)
    {
        var mode = request.Str(name);
        if (mode is null)
        {
            return null;
        }

        if (version != 6 || !Ipv6Modes.Contains(mode))
        {
            throw NeutronException.InvalidInput($"{name} '{mode}' is not valid for an IPv{version} subnet ({string.Join(", ", Ipv6Modes)}).");
        }

        return mode;
    }
}
