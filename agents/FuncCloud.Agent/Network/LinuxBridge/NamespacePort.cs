namespace FuncCloud.Agent.Network.LinuxBridge;

/// <summary>
/// A veth pair joining a namespace to a network bridge, neutron's linuxbridge layout: the host end is
/// <c>tap</c> + 11 characters of the port id (enslaved to the bridge), the namespace end is a prefix
/// (<c>ns-</c>, <c>qr-</c>, <c>qg-</c>) + the same 11 characters, carrying the port's MAC and addresses.
/// </summary>
/// <param name="HostEnd">The host-side interface (in the bridge).</param>
/// <param name="InnerEnd">The namespace-side interface.</param>
/// <param name="Bridge">The bridge the host end joins.</param>
/// <param name="MacAddress">The port's MAC, set on the namespace end.</param>
/// <param name="Addresses">The port's addresses in CIDR form.</param>
/// <param name="Mtu">The network's MTU (both ends).</param>
public sealed record NamespacePort(string HostEnd, string InnerEnd, string Bridge, string MacAddress, IReadOnlyList<string> Addresses, int Mtu)
{
    /// <summary>The 11 characters of the port id the names carry.</summary>
    public static string Suffix(string portId) => portId.Length > 11 ? portId[..11] : portId;

    /// <summary>The host end of the veth whose namespace end is <paramref name="innerEnd"/> (<c>qr-abc</c> → <c>tapabc</c>).</summary>
    public static string HostEndOf(string innerEnd) => "tap" + innerEnd[3..];
}

/// <summary>Creates and converges <see cref="NamespacePort"/>s.</summary>
public static class NamespacePorts
{
    /// <summary>Makes the veth exist with the right bridge, MAC, MTU and addresses; recreates a half-made pair.</summary>
    public static async Task EnsureAsync(NetworkCommands commands, string ns, NamespacePort port, CancellationToken cancellationToken)
    {
        var ip = commands.Options.Ip;
        var hostLinks = await HostLinks.ListAsync(commands, null, cancellationToken);
        var innerLinks = await HostLinks.ListAsync(commands, ns, cancellationToken);
        var hasHost = hostLinks.TryGetValue(port.HostEnd, out var hostLink);
        var hasInner = innerLinks.TryGetValue(port.InnerEnd, out var innerLink);
        if (!hasHost || !hasInner)
        {
            // A pair is made whole or not at all: a leftover half (a killed agent) is deleted first.
            if (hasHost)
            {
                await commands.TryHostAsync(ip, ["link", "del", port.HostEnd], cancellationToken);
            }

            if (hasInner)
            {
                await commands.TryInNamespaceAsync(ns, ip, ["link", "del", port.InnerEnd], cancellationToken);
            }

            await commands.HostAsync(ip, ["link", "add", port.HostEnd, "type", "veth", "peer", "name", port.InnerEnd, "netns", ns], cancellationToken);
            hostLink = null;
            innerLink = null;
        }

        var mtu = port.Mtu.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (hostLink is not { IsUp: true } || hostLink.Master != port.Bridge || hostLink.Mtu != port.Mtu)
        {
            await commands.HostAsync(ip, ["link", "set", port.HostEnd, "master", port.Bridge, "mtu", mtu, "up"], cancellationToken);
        }

        if (innerLink is not { IsUp: true } || !string.Equals(innerLink.Mac, port.MacAddress, StringComparison.OrdinalIgnoreCase) || innerLink.Mtu != port.Mtu)
        {
            await commands.InNamespaceAsync(ns, ip, ["link", "set", port.InnerEnd, "address", port.MacAddress, "mtu", mtu, "up"], cancellationToken);
        }

        await SyncAddressesAsync(commands, ns, port.InnerEnd, port.Addresses, cancellationToken);
    }

    /// <summary>Adds the missing global addresses of <paramref name="device"/> and removes the ones not wanted.</summary>
    public static async Task SyncAddressesAsync(NetworkCommands commands, string ns, string device, IReadOnlyList<string> wanted, CancellationToken cancellationToken)
    {
        var ip = commands.Options.Ip;
        var present = await HostLinks.AddressesAsync(commands, ns, device, cancellationToken);
        var normalizedWanted = wanted.Select(Normalize).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var address in present.Where(a => !normalizedWanted.Contains(Normalize(a))))
        {
            await commands.InNamespaceAsync(ns, ip, ["addr", "del", address, "dev", device], cancellationToken);
        }

        var presentSet = present.Select(Normalize).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var address in wanted.Where(a => !presentSet.Contains(Normalize(a))))
        {
            // nodad: a router or DHCP address must answer at once, not after IPv6 duplicate detection.
            string[] extra = address.Contains(':', StringComparison.Ordinal) ? ["nodad"] : [];
            await commands.InNamespaceAsync(ns, ip, ["addr", "add", address, "dev", device, .. extra], cancellationToken);
        }
    }

    /// <summary>Deletes both ends of a pair (either may already be gone).</summary>
    public static async Task DeleteAsync(NetworkCommands commands, string? ns, string hostEnd, string? innerEnd, CancellationToken cancellationToken)
    {
        if (ns is not null && innerEnd is not null)
        {
            await commands.TryInNamespaceAsync(ns, commands.Options.Ip, ["link", "del", innerEnd], cancellationToken);
        }

        // ip netns del removes a namespace's devices lazily; the host end is deleted explicitly.
        if ((await HostLinks.ListAsync(commands, null, cancellationToken)).ContainsKey(hostEnd))
        {
            await commands.TryHostAsync(commands.Options.Ip, ["link", "del", hostEnd], cancellationToken);
        }
    }

    private static string Normalize(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? cidr : cidr[..slash];
        var prefix = slash < 0 ? (address.Contains(':', StringComparison.Ordinal) ? "128" : "32") : cidr[(slash + 1)..];
        return System.Net.IPAddress.TryParse(address, out var parsed) ? $"{parsed}/{prefix}" : cidr;
    }
}
