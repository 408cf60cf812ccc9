using System.Globalization;
using FuncCloud.Shared.Network.Wiring;

namespace FuncCloud.Agent.Network.LinuxBridge;

/// <summary>
/// DHCP per network: a <c>qdhcp-&lt;network&gt;</c> namespace with the DHCP port as a veth
/// (<c>tap…</c> in the bridge, <c>ns-…</c> inside) and a dnsmasq bound to it, its files in
/// <c>&lt;state&gt;/dhcp/&lt;network&gt;/</c>. That folder is also the ownership record: it is made before the
/// namespace, so a namespace or dnsmasq left by a killed agent is found and removed by the next apply.
/// </summary>
public sealed class DhcpWiring(NetworkCommands commands, MetadataProxyWiring metadata)
{
    /// <summary>dnsmasq's pid file.</summary>
    public const string PidFile = "pid";

    /// <summary>The fixed leases.</summary>
    public const string HostsFile = "host";

    /// <summary>The per-subnet options.</summary>
    public const string OptionsFile = "opts";

    /// <summary>dnsmasq's lease database.</summary>
    public const string LeasesFile = "leases";

    /// <summary>The command line dnsmasq runs with (a change means a restart).</summary>
    public const string ArgumentsFile = "args";

    /// <summary>The host end of the DHCP port's veth.</summary>
    public const string HostEndFile = "tap";

    /// <summary>The namespace prefix.</summary>
    public const string NamespacePrefix = "qdhcp-";

    /// <summary>The folder of the networks' DHCP servers.</summary>
    public static string Root(NetworkHostConfig config) => Path.Combine(config.StateFolder, "dhcp");

    /// <summary>Makes the namespace, port and dnsmasq of <paramref name="server"/> match the state; true when dnsmasq was (re)started or signalled.</summary>
    public async Task<bool> EnsureAsync(DhcpServerState server, IReadOnlyDictionary<string, WiredNetwork> networks, NetworkHostConfig config, CancellationToken cancellationToken)
    {
        if (!networks.ContainsKey(server.NetworkId))
        {
            throw new NetworkDriverException($"DHCP server of network {server.NetworkId}: the network is not wired on this node.");
        }

        var folder = Directory.CreateDirectory(Path.Combine(Root(config), server.NetworkId)).FullName;
        var ns = NetworkDeviceNames.DhcpNamespace(server.NetworkId);
        var suffix = NamespacePort.Suffix(server.PortId);
        var addresses = metadata.Enabled ? [.. server.PortAddresses, MetadataProxyWiring.MetadataCidr] : server.PortAddresses;
        var port = new NamespacePort("tap" + suffix, "ns-" + suffix, NetworkDeviceNames.Bridge(server.NetworkId), server.MacAddress, addresses, server.Mtu);

        var previousTap = ReadText(folder, HostEndFile);
        await File.WriteAllTextAsync(Path.Combine(folder, HostEndFile), port.HostEnd, cancellationToken);
        await commands.EnsureNamespaceAsync(ns, cancellationToken);
        if (previousTap is not null && previousTap != port.HostEnd)
        {
            // The network's DHCP port changed: the old pair goes before the new one is made.
            await StopAsync(folder, cancellationToken);
            await NamespacePorts.DeleteAsync(commands, ns, previousTap, "ns-" + previousTap[3..], cancellationToken);
        }

        await NamespacePorts.EnsureAsync(commands, ns, port, cancellationToken);
        await metadata.EnsureAsync(server.NetworkId, ns, folder, cancellationToken);

        var config2 = DnsmasqConfig.Build(server, port.InnerEnd, folder, commands.Options);
        var arguments = string.Join('\n', config2.Arguments);
        var filesChanged = await WriteIfChangedAsync(folder, HostsFile, config2.HostsFile, cancellationToken)
            | await WriteIfChangedAsync(folder, OptionsFile, config2.OptionsFile, cancellationToken);
        var running = RunningPid(folder);
        if (running is not null && ReadText(folder, ArgumentsFile) == arguments)
        {
            if (filesChanged)
            {
                await commands.SignalAsync(running.Value, "HUP", cancellationToken);
            }

            return filesChanged;
        }

        await StopAsync(folder, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, ArgumentsFile), arguments, cancellationToken);
        await commands.InNamespaceAsync(ns, commands.Options.Dnsmasq, config2.Arguments, cancellationToken);
        return true;
    }

    /// <summary>Stops and removes every DHCP server this driver made that <paramref name="wanted"/> does not name.</summary>
    public async Task<IReadOnlyList<string>> RemoveStaleAsync(IEnumerable<string> wanted, NetworkHostConfig config, CancellationToken cancellationToken)
    {
        var keep = wanted.ToHashSet(StringComparer.Ordinal);
        var removed = new List<string>();
        foreach (var networkId in Owned(config).Where(id => !keep.Contains(id)))
        {
            await RemoveAsync(networkId, config, cancellationToken);
            removed.Add(networkId);
        }

        return removed;
    }

    /// <summary>The networks whose DHCP server folder exists (the servers this driver made).</summary>
    public static IReadOnlyList<string> Owned(NetworkHostConfig config) =>
        Directory.Exists(Root(config)) ? [.. Directory.EnumerateDirectories(Root(config)).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)] : [];

    /// <summary>The networks whose dnsmasq is running.</summary>
    public static IReadOnlyList<string> Running(NetworkHostConfig config) =>
        [.. Owned(config).Where(id => RunningPid(Path.Combine(Root(config), id)) is not null)];

    /// <summary>The leases in the network's lease database.</summary>
    public static async Task<IReadOnlyList<DhcpLease>> LeasesAsync(string networkId, NetworkHostConfig config, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Root(config), networkId, LeasesFile);
        if (!File.Exists(path))
        {
            return [];
        }

        // dnsmasq's format: <expiry epoch> <mac> <ip> <hostname|*> <client-id|*>.
        var leases = new List<DhcpLease>();
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 4 && long.TryParse(fields[0], CultureInfo.InvariantCulture, out var expiry) && !fields[0].Equals("duid", StringComparison.OrdinalIgnoreCase))
            {
                leases.Add(new DhcpLease(fields[1], fields[2], fields[3] == "*" ? null : fields[3], DateTimeOffset.FromUnixTimeSeconds(expiry)));
            }
        }

        return leases;
    }

    private async Task RemoveAsync(string networkId, NetworkHostConfig config, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Root(config), networkId);
        var ns = NetworkDeviceNames.DhcpNamespace(networkId);
        await StopAsync(folder, cancellationToken);
        await metadata.StopAsync(folder, cancellationToken);
        if (ReadText(folder, HostEndFile) is { } tap)
        {
            await NamespacePorts.DeleteAsync(commands, ns, tap, "ns-" + tap[3..], cancellationToken);
        }

        await commands.DeleteNamespaceAsync(ns, cancellationToken);
        Directory.Delete(folder, recursive: true);
    }

    private Task StopAsync(string folder, CancellationToken cancellationToken) =>
        DaemonProcess.StopAsync(commands, Path.Combine(folder, PidFile), Path.Combine(folder, PidFile), cancellationToken);

    /// <summary>The pid of this folder's dnsmasq (its command line names the folder's pid file), if it runs.</summary>
    private static int? RunningPid(string folder) => DaemonProcess.RunningPid(Path.Combine(folder, PidFile), Path.Combine(folder, PidFile));

    private static string? ReadText(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private static async Task<bool> WriteIfChangedAsync(string folder, string name, string text, CancellationToken cancellationToken)
    {
        if (ReadText(folder, name) == text)
        {
            return false;
        }

        await File.WriteAllTextAsync(Path.Combine(folder, name), text, cancellationToken);
        return true;
    }
}
