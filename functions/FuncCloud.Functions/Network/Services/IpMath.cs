using System.Net;
using System.Net.Sockets;
using System.Numerics;
using FuncCloud.Functions.Network.Api;

namespace FuncCloud.Functions.Network.Services;

/// <summary>Address arithmetic for IPAM: addresses as integers, CIDRs as (first, last) ranges.</summary>
public static class IpMath
{
    /// <summary>The address as an unsigned integer.</summary>
    public static BigInteger ToNumber(IPAddress address) => new(address.GetAddressBytes(), isUnsigned: true, isBigEndian: true);

    /// <summary>The address of <paramref name="family"/> with value <paramref name="value"/>.</summary>
    public static IPAddress FromNumber(BigInteger value, AddressFamily family)
    {
        var size = family == AddressFamily.InterNetwork ? 4 : 16;
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[size];
        Array.Copy(bytes, 0, padded, size - bytes.Length, bytes.Length);
        return new IPAddress(padded);
    }

    /// <summary>Parses a CIDR whose host bits are zero; 400 otherwise.</summary>
    public static IPNetwork ParseCidr(string? text, string field = "cidr")
    {
        if (text is null || !IPNetwork.TryParse(text, out var network) || !StrictlySpelled(text.Split('/')[0]))
        {
            throw NeutronException.InvalidInput($"'{text}' is not a valid IP subnet ({field}).");
        }

        return network;
    }

    /// <summary>Parses an IP address; 400 otherwise.</summary>
    public static IPAddress ParseAddress(string? text, string field)
    {
        if (text is null || !IPAddress.TryParse(text, out var address) || text.Contains('/') || !StrictlySpelled(text))
        {
            throw NeutronException.InvalidInput($"'{text}' is not a valid IP address ({field}).");
        }

        return address;
    }

    /// <summary>
    /// True unless <paramref name="address"/> is one of the legacy IPv4 spellings .NET accepts and neutron
    /// (netaddr, inet_pton) refuses: fewer than four parts (<c>256</c>, <c>192.168.1.</c>), hex or octal parts.
    /// </summary>
    private static bool StrictlySpelled(string address) =>
        address.Contains(':') || (address.Split('.') is { Length: 4 } parts && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit)));

    /// <summary>The first and last address numbers of <paramref name="network"/>.</summary>
    public static (BigInteger First, BigInteger Last) Range(IPNetwork network)
    {
        var bits = network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var first = ToNumber(network.BaseAddress);
        return (first, first + (BigInteger.One << (bits - network.PrefixLength)) - 1);
    }

    /// <summary>True when the two networks share an address.</summary>
    public static bool Overlaps(IPNetwork a, IPNetwork b) =>
        a.BaseAddress.AddressFamily == b.BaseAddress.AddressFamily && (a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress));

    /// <summary>The IP version (4 or 6) of an address.</summary>
    public static int Version(IPAddress address) => address.AddressFamily == AddressFamily.InterNetwork ? 4 : 6;

    /// <summary>The canonical text of an address (IPv6 compressed, lower case).</summary>
    public static string Canonical(IPAddress address) => address.ToString().ToLowerInvariant();
}
