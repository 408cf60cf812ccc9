using System.Globalization;
using System.Text.Json;
using FuncCloud.Shared.Network.Wiring;

namespace FuncCloud.Agent.Network.LinuxBridge;

/// <summary>
/// The L2 side: a <c>brq…</c> bridge per network; for VXLAN a <c>vxlan-&lt;vni&gt;</c> device in it (dstport
/// 4789, local = the node's underlay address, nolearning, one all-zero unicast FDB entry per peer: no
/// multicast); for flat a veth pair <c>fpb…</c>/<c>fpx…</c> joining the bridge to the physical bridge the
/// node maps the physical network to (made when missing, never deleted: it is the operator's).
/// </summary>
public sealed class BridgeWiring(NetworkCommands commands)
{
    /// <summary>The prefix of network bridges.</summary>
    public const string BridgePrefix = "brq";

    /// <summary>The prefix of VXLAN devices.</summary>
    public const string VxlanPrefix = "vxlan-";

    /// <summary>The prefix of the bridge end of a flat network's link to its physical bridge.</summary>
    public const string FlatBridgeEndPrefix = "fpb";

    /// <summary>The prefix of the physical-bridge end of that link.</summary>
    public const string FlatPhysicalEndPrefix = "fpx";

    private const string ZeroMac = "00:00:00:00:00:00";

    /// <summary>Makes the network's bridge and its uplink (VXLAN device or physical link) match the state.</summary>
    public async Task EnsureAsync(WiredNetwork network, NetworkHostConfig config, CancellationToken cancellationToken)
    {
        var ip = commands.Options.Ip;
        var bridge = NetworkDeviceNames.Bridge(network.NetworkId);
        var mtu = network.Mtu.ToString(CultureInfo.InvariantCulture);
        var links = await HostLinks.ListAsync(commands, null, cancellationToken);
        if (!links.TryGetValue(bridge, out var existing))
        {
            await commands.HostAsync(ip, ["link", "add", bridge, "type", "bridge"], cancellationToken);
        }

        if (existing is not { IsUp: true } || existing.Mtu != network.Mtu)
        {
            await commands.HostAsync(ip, ["link", "set", bridge, "mtu", mtu, "up"], cancellationToken);
        }

        switch (network.NetworkType)
        {
            case "vxlan" when network.SegmentationId is { } vni && config.LocalIp is { } local:
                await EnsureVxlanAsync(bridge, vni, local, network, links, cancellationToken);
                break;
            case "vxlan" when network.SegmentationId is null:
                throw new NetworkDriverException($"Network {network.NetworkId}: a vxlan network needs a segmentation id.");
            case "flat":
                await EnsureFlatAsync(bridge, network, config, links, cancellationToken);
                break;
            default:
                // local, or vxlan on a node without an underlay address: the bridge alone (no peers can exist).
                break;
        }
    }

    /// <summary>Deletes the driver's bridges, VXLAN devices and flat links that <paramref name="wanted"/> does not name.</summary>
    public async Task<IReadOnlyList<string>> RemoveStaleAsync(IReadOnlyList<WiredNetwork> wanted, CancellationToken cancellationToken)
    {
        var bridges = wanted.Select(n => NetworkDeviceNames.Bridge(n.NetworkId)).ToHashSet(StringComparer.Ordinal);
        var vxlans = wanted.Where(n => n is { NetworkType: "vxlan", SegmentationId: not null }).Select(n => NetworkDeviceNames.Vxlan(n.SegmentationId!.Value)).ToHashSet(StringComparer.Ordinal);
        var flats = wanted.Where(n => n.NetworkType == "flat").Select(n => FlatBridgeEndPrefix + NamespacePort.Suffix(n.NetworkId)).ToHashSet(StringComparer.Ordinal);
        var removed = new List<string>();
        var links = await HostLinks.ListAsync(commands, null, cancellationToken);
        foreach (var link in links.Values)
        {
            var stale = (link.Kind == "vxlan" && link.Name.StartsWith(VxlanPrefix, StringComparison.Ordinal) && !vxlans.Contains(link.Name))
                || (link.Kind == "veth" && link.Name.StartsWith(FlatBridgeEndPrefix, StringComparison.Ordinal) && !flats.Contains(link.Name));
            if (stale)
            {
                await commands.TryHostAsync(commands.Options.Ip, ["link", "del", link.Name], cancellationToken);
                removed.Add(link.Name);
            }
        }

        foreach (var link in links.Values.Where(l => l.Kind == "bridge" && l.Name.StartsWith(BridgePrefix, StringComparison.Ordinal) && !bridges.Contains(l.Name)))
        {
            await commands.HostAsync(commands.Options.Ip, ["link", "del", link.Name], cancellationToken);
            removed.Add(link.Name);
        }

        return removed;
    }

    /// <summary>The network bridges on the host.</summary>
    public async Task<IReadOnlyList<string>> ObserveAsync(CancellationToken cancellationToken) =>
        [.. (await HostLinks.ListAsync(commands, null, cancellationToken)).Values
            .Where(l => l.Kind == "bridge" && l.Name.StartsWith(BridgePrefix, StringComparison.Ordinal)).Select(l => l.Name).Order(StringComparer.Ordinal)];

    /// <summary>The unicast flood destinations of a VXLAN device.</summary>
    public async Task<IReadOnlyList<string>> FloodPeersAsync(string device, CancellationToken cancellationToken)
    {
        var result = await commands.HostAsync(commands.Options.Bridge, ["-j", "fdb", "show", "dev", device], cancellationToken);
        using var json = JsonDocument.Parse(string.IsNullOrWhiteSpace(result.StandardOutput) ? "[]" : result.StandardOutput);
        return [.. json.RootElement.EnumerateArray()
            .Where(e => e.TryGetProperty("mac", out var mac) && mac.GetString() == ZeroMac && e.TryGetProperty("dst", out _))
            .Select(e => e.GetProperty("dst").GetString()!)];
    }

    private async Task EnsureVxlanAsync(string bridge, int vni, string local, WiredNetwork network, IReadOnlyDictionary<string, HostLink> links, CancellationToken cancellationToken)
    {
        var ip = commands.Options.Ip;
        var device = NetworkDeviceNames.Vxlan(vni);
        var mtu = network.Mtu.ToString(CultureInfo.InvariantCulture);
        links.TryGetValue(device, out var existing);
        if (existing is not null && (existing.VxlanId != vni || existing.VxlanLocal != local))
        {
            // VNI and local address are fixed at creation: a device that differs is made again.
            await commands.HostAsync(ip, ["link", "del", device], cancellationToken);
            existing = null;
        }

        if (existing is null)
        {
            await commands.HostAsync(ip, ["link", "add", device, "type", "vxlan", "id", vni.ToString(CultureInfo.InvariantCulture), "dstport", "4789", "local", local, "nolearning"], cancellationToken);
        }

        if (existing is not { IsUp: true } || existing.Master != bridge || existing.Mtu != network.Mtu)
        {
            await commands.HostAsync(ip, ["link", "set", device, "master", bridge, "mtu", mtu, "up"], cancellationToken);
        }

        var present = await FloodPeersAsync(device, cancellationToken);
        foreach (var peer in network.VxlanPeers.Where(p => p != local && !present.Contains(p)).Distinct(StringComparer.Ordinal))
        {
            await commands.HostAsync(commands.Options.Bridge, ["fdb", "append", ZeroMac, "dev", device, "dst", peer], cancellationToken);
        }

        foreach (var peer in present.Where(p => !network.VxlanPeers.Contains(p)))
        {
            await commands.HostAsync(commands.Options.Bridge, ["fdb", "del", ZeroMac, "dev", device, "dst", peer], cancellationToken);
        }
    }

    private async Task EnsureFlatAsync(string bridge, WiredNetwork network, NetworkHostConfig config, IReadOnlyDictionary<string, HostLink> links, CancellationToken cancellationToken)
    {
        var ip = commands.Options.Ip;
        if (network.PhysicalNetwork is not { } physnet || !config.PhysicalBridges.TryGetValue(physnet, out var physical))
        {
            throw new NetworkDriverException($"Network {network.NetworkId}: physical network '{network.PhysicalNetwork}' has no bridge mapping on node {config.NodeName}.");
        }

        var mtu = network.Mtu.ToString(CultureInfo.InvariantCulture);
        if (!links.TryGetValue(physical, out var physicalLink))
        {
            await commands.HostAsync(ip, ["link", "add", physical, "type", "bridge"], cancellationToken);
        }

        if (physicalLink is not { IsUp: true })
        {
            await commands.HostAsync(ip, ["link", "set", physical, "up"], cancellationToken);
        }

        var bridgeEnd = FlatBridgeEndPrefix + NamespacePort.Suffix(network.NetworkId);
        var physicalEnd = FlatPhysicalEndPrefix + NamespacePort.Suffix(network.NetworkId);
        links.TryGetValue(bridgeEnd, out var bridgeEndLink);
        links.TryGetValue(physicalEnd, out var physicalEndLink);
        if (bridgeEndLink is null || physicalEndLink is null)
        {
            await commands.TryHostAsync(ip, ["link", "del", bridgeEnd], cancellationToken);
            await commands.TryHostAsync(ip, ["link", "del", physicalEnd], cancellationToken);
            await commands.HostAsync(ip, ["link", "add", bridgeEnd, "type", "veth", "peer", "name", physicalEnd], cancellationToken);
            bridgeEndLink = physicalEndLink = null;
        }

        if (bridgeEndLink is not { IsUp: true } || bridgeEndLink.Master != bridge || bridgeEndLink.Mtu != network.Mtu)
        {
            await commands.HostAsync(ip, ["link", "set", bridgeEnd, "master", bridge, "mtu", mtu, "up"], cancellationToken);
        }

        if (physicalEndLink is not { IsUp: true } || physicalEndLink.Master != physical || physicalEndLink.Mtu != network.Mtu)
        {
            await commands.HostAsync(ip, ["link", "set", physicalEnd, "master", physical, "mtu", mtu, "up"], cancellationToken);
        }
    }
}
