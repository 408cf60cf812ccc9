using System.Text.Json;
using FuncCloud.Shared.Network.Wiring;

namespace FuncCloud.Agent.Network.LinuxBridge;

/// <summary>
/// Routers: a <c>qrouter-&lt;router&gt;</c> namespace with IP forwarding, an interface per internal subnet port
/// (<c>qr-…</c> inside, <c>tap…</c> in the network's bridge), the gateway (<c>qg-…</c>, on the external
/// network's bridge, carrying the gateway addresses and every floating IP as a /32), the default route via the
/// external gateway, the extra routes, and the NAT table of <see cref="RouterNatRules"/>. The folder
/// <c>&lt;state&gt;/routers/&lt;router&gt;/</c> is the ownership record (made before the namespace).
/// </summary>
public sealed class RouterWiring(NetworkCommands commands)
{
    /// <summary>The namespace prefix.</summary>
    public const string NamespacePrefix = "qrouter-";

    /// <summary>The prefix of internal interfaces.</summary>
    public const string InterfacePrefix = "qr-";

    /// <summary>The prefix of the gateway interface.</summary>
    public const string GatewayPrefix = "qg-";

    private const string NatFile = "nat.rules";

    /// <summary>The folder of the routers.</summary>
    public static string Root(NetworkHostConfig config) => Path.Combine(config.StateFolder, "routers");

    /// <summary>The routers whose folder exists (the routers this driver made).</summary>
    public static IReadOnlyList<string> Owned(NetworkHostConfig config) =>
        Directory.Exists(Root(config)) ? [.. Directory.EnumerateDirectories(Root(config)).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)] : [];

    /// <summary>Makes the router's namespace match the state.</summary>
    public async Task EnsureAsync(RouterState router, IReadOnlyDictionary<string, WiredNetwork> networks, NetworkHostConfig config, CancellationToken cancellationToken)
    {
        var ip = commands.Options.Ip;
        var folder = Directory.CreateDirectory(Path.Combine(Root(config), router.RouterId)).FullName;
        var ns = NetworkDeviceNames.RouterNamespace(router.RouterId);
        await commands.EnsureNamespaceAsync(ns, cancellationToken);
        await commands.InNamespaceAsync(ns, commands.Options.Sysctl, ["-q", "-w", "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1"], cancellationToken);

        var ports = new List<NamespacePort>();
        foreach (var routerInterface in router.Interfaces)
        {
            var suffix = NamespacePort.Suffix(routerInterface.PortId);
            ports.Add(new NamespacePort("tap" + suffix, InterfacePrefix + suffix, BridgeOf(routerInterface.NetworkId, networks, router), routerInterface.MacAddress, routerInterface.Addresses, MtuOf(routerInterface.NetworkId, networks)));
        }

        string? gatewayDevice = null;
        if (router.Gateway is { } gateway)
        {
            var suffix = NamespacePort.Suffix(gateway.PortId);
            gatewayDevice = GatewayPrefix + suffix;
            var addresses = gateway.Addresses.Concat(router.FloatingIps.Select(f => f.FloatingIp + "/32")).Distinct(StringComparer.Ordinal).ToList();
            ports.Add(new NamespacePort("tap" + suffix, gatewayDevice, BridgeOf(gateway.NetworkId, networks, router), gateway.MacAddress, addresses, MtuOf(gateway.NetworkId, networks)));
        }

        // Interfaces the state no longer names go first (deleting the inner end removes the pair).
        var wantedInner = ports.Select(p => p.InnerEnd).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in (await HostLinks.ListAsync(commands, ns, cancellationToken)).Keys.Where(n => IsRouterDevice(n) && !wantedInner.Contains(n)))
        {
            await NamespacePorts.DeleteAsync(commands, ns, NamespacePort.HostEndOf(stale), stale, cancellationToken);
        }

        foreach (var port in ports)
        {
            await NamespacePorts.EnsureAsync(commands, ns, port, cancellationToken);
        }

        await File.WriteAllLinesAsync(Path.Combine(folder, "taps"), ports.Select(p => p.HostEnd), cancellationToken);
        await SyncRoutesAsync(ns, router, gatewayDevice, cancellationToken);

        var nat = Path.Combine(folder, NatFile);
        await File.WriteAllTextAsync(nat, RouterNatRules.Build(router, gatewayDevice), cancellationToken);
        await commands.InNamespaceAsync(ns, commands.Options.Iptables + "-restore", ["-w", "5", nat], cancellationToken);
    }

    /// <summary>Removes every router this driver made that <paramref name="wanted"/> does not name.</summary>
    public async Task<IReadOnlyList<string>> RemoveStaleAsync(IEnumerable<string> wanted, NetworkHostConfig config, CancellationToken cancellationToken)
    {
        var keep = wanted.ToHashSet(StringComparer.Ordinal);
        var removed = new List<string>();
        foreach (var routerId in Owned(config).Where(id => !keep.Contains(id)))
        {
            var folder = Path.Combine(Root(config), routerId);
            var ns = NetworkDeviceNames.RouterNamespace(routerId);
            var inner = (await commands.ListNamespacesAsync(cancellationToken)).Contains(ns)
                ? (await HostLinks.ListAsync(commands, ns, cancellationToken)).Keys.Where(IsRouterDevice).ToList()
                : [];
            foreach (var device in inner)
            {
                await NamespacePorts.DeleteAsync(commands, ns, NamespacePort.HostEndOf(device), device, cancellationToken);
            }

            var taps = Path.Combine(folder, "taps");
            foreach (var tap in File.Exists(taps) ? await File.ReadAllLinesAsync(taps, cancellationToken) : [])
            {
                await NamespacePorts.DeleteAsync(commands, null, tap, null, cancellationToken);
            }

            await commands.DeleteNamespaceAsync(ns, cancellationToken);
            Directory.Delete(folder, recursive: true);
            removed.Add(routerId);
        }

        return removed;
    }

    private static bool IsRouterDevice(string name) =>
        name.StartsWith(InterfacePrefix, StringComparison.Ordinal) || name.StartsWith(GatewayPrefix, StringComparison.Ordinal);

    private static string BridgeOf(string networkId, IReadOnlyDictionary<string, WiredNetwork> networks, RouterState router) =>
        networks.ContainsKey(networkId)
            ? NetworkDeviceNames.Bridge(networkId)
            : throw new NetworkDriverException($"Router {router.RouterId}: network {networkId} is not wired on this node.");

    private static int MtuOf(string networkId, IReadOnlyDictionary<string, WiredNetwork> networks) =>
        networks.TryGetValue(networkId, out var network) ? network.Mtu : 1500;

    private async Task SyncRoutesAsync(string ns, RouterState router, string? gatewayDevice, CancellationToken cancellationToken)
    {
        var ip = commands.Options.Ip;
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        if (router.Gateway is { GatewayIp: { } defaultGateway } && gatewayDevice is not null)
        {
            wanted[defaultGateway.Contains(':', StringComparison.Ordinal) ? "::/0" : "0.0.0.0/0"] = defaultGateway;
        }

        foreach (var route in router.Routes)
        {
            wanted[route.Destination] = route.NextHop;
        }

        // Every route with a next hop is ours (connected routes have none): the ones not wanted go.
        foreach (var family in new[] { "-4", "-6" })
        {
            var result = await commands.InNamespaceAsync(ns, ip, [family, "-j", "route", "show"], cancellationToken);
            using var json = JsonDocument.Parse(string.IsNullOrWhiteSpace(result.StandardOutput) ? "[]" : result.StandardOutput);
            foreach (var route in json.RootElement.EnumerateArray())
            {
                if (!route.TryGetProperty("gateway", out var via))
                {
                    continue;
                }

                var destination = route.GetProperty("dst").GetString()!;
                var key = destination == "default" ? (family == "-4" ? "0.0.0.0/0" : "::/0") : destination;
                if (!wanted.TryGetValue(key, out var hop) || hop != via.GetString())
                {
                    await commands.TryInNamespaceAsync(ns, ip, [family, "route", "del", destination, "via", via.GetString()!], cancellationToken);
                }
            }
        }

        foreach (var (destination, hop) in wanted)
        {
            string[] device = destination is "0.0.0.0/0" or "::/0" && gatewayDevice is not null ? ["dev", gatewayDevice] : [];
            await commands.InNamespaceAsync(ns, ip, ["route", "replace", destination, "via", hop, .. device], cancellationToken);
        }
    }
}
