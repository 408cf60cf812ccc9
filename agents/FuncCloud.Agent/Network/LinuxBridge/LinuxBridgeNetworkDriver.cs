using System.Diagnostics;
using FuncCloud.Agent.Privileged;
using FuncCloud.Shared.Network.Wiring;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Network.LinuxBridge;

/// <summary>
/// The real network driver: Linux bridges and VXLAN for L2, dnsmasq in qdhcp- namespaces for DHCP, qrouter-
/// namespaces with iptables NAT for routers, iptables bridge-netfilter chains for security groups (see
/// docs/network-drivers.md). Every apply converges the whole host: resources are made or fixed one by one
/// (a failing one does not stop the rest), then what the driver made and the state no longer names is
/// removed; the failures are reported together at the end.
/// </summary>
public sealed class LinuxBridgeNetworkDriver(NetworkCommands commands, ILogger<LinuxBridgeNetworkDriver> logger) : INetworkDriver
{
    /// <summary>The name the agent's configuration selects this driver by.</summary>
    public const string DriverKey = "LinuxBridge";

    private readonly BridgeWiring _bridges = new(commands);
    private readonly DhcpWiring _dhcp = new(commands, new MetadataProxyWiring(commands));
    private readonly RouterWiring _routers = new(commands);
    private readonly SecurityGroupWiring _firewall = new(commands);
    private NetworkHostConfig? _config;

    /// <inheritdoc />
    public string Name => "linuxbridge";

    private NetworkHostConfig Config => _config ?? throw new NetworkDriverException("The linuxbridge driver was used before InitHostAsync.");

    /// <inheritdoc />
    public async Task InitHostAsync(NetworkHostConfig config, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(config.StateFolder);
        _config = config;
        var missing = new List<string>();
        (string, string[])[] tools = [(commands.Options.Ip, ["-V"]), (commands.Options.Iptables, ["-V"]), (commands.Options.Dnsmasq, ["--version"])];
        if (commands.Options.MetadataProxySocket is not null)
        {
            tools = [.. tools, (commands.Options.Haproxy, ["-v"])];
        }

        foreach (var (tool, args) in tools)
        {
            try
            {
                await commands.HostAsync(tool, args, cancellationToken);
            }
            catch (Exception e) when (e is HostCommandException or System.ComponentModel.Win32Exception)
            {
                missing.Add($"{tool} ({e.Message.Trim()})");
            }
        }

        // Security groups filter bridged traffic only when bridge-netfilter hands it to iptables (br_netfilter;
        // the kernel here cannot load modules, so it must be built in or loaded by the host).
        var sysctl = await commands.TryHostAsync(commands.Options.Sysctl, ["-q", "-w", "net.bridge.bridge-nf-call-iptables=1", "net.bridge.bridge-nf-call-ip6tables=1"], cancellationToken);
        if (sysctl.ExitCode != 0)
        {
            missing.Add("br_netfilter (net.bridge.bridge-nf-call-iptables cannot be set: security groups will not filter): " + sysctl.StandardError.Trim());
        }

        foreach (var what in missing)
        {
            LinuxBridgeLog.PrerequisiteMissing(logger, config.NodeName, what);
        }

        if (missing.Count > 0)
        {
            throw new NetworkDriverException($"Node {config.NodeName}: linuxbridge prerequisites missing: {string.Join("; ", missing)}");
        }
    }

    /// <inheritdoc />
    public async Task ApplyAsync(NetworkHostState desired, CancellationToken cancellationToken)
    {
        var config = Config;
        var watch = Stopwatch.StartNew();
        var failures = new List<string>();
        var networks = desired.Networks.GroupBy(n => n.NetworkId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var failedNetworks = new HashSet<string>(StringComparer.Ordinal);

        foreach (var network in networks.Values)
        {
            if (!await TryAsync(failures, $"network {network.NetworkId}", () => _bridges.EnsureAsync(network, config, cancellationToken)))
            {
                failedNetworks.Add(network.NetworkId);
            }
        }

        foreach (var server in desired.DhcpServers)
        {
            await TryAsync(failures, $"DHCP server of network {server.NetworkId}", () => _dhcp.EnsureAsync(server, networks, config, cancellationToken));
        }

        foreach (var router in desired.Routers)
        {
            await TryAsync(failures, $"router {router.RouterId}", () => _routers.EnsureAsync(router, networks, config, cancellationToken));
        }

        await TryAsync(failures, "security groups", () => _firewall.ApplyAsync(desired.Ports, config, cancellationToken));

        // Removal after creation: a router moving between interfaces never loses more than it has to.
        await TryAsync(failures, "stale routers", async () => Report("router", await _routers.RemoveStaleAsync(desired.Routers.Select(r => r.RouterId), config, cancellationToken)));
        await TryAsync(failures, "stale DHCP servers", async () => Report("DHCP server", await _dhcp.RemoveStaleAsync(desired.DhcpServers.Select(s => s.NetworkId), config, cancellationToken)));
        await TryAsync(failures, "stale bridges", async () => Report("device", await _bridges.RemoveStaleAsync([.. networks.Values], cancellationToken)));

        LinuxBridgeLog.Applied(logger, config.NodeName, desired.Revision, networks.Count, desired.DhcpServers.Count, desired.Routers.Count, desired.Ports.Count, watch.ElapsedMilliseconds);
        if (failures.Count > 0)
        {
            throw new NetworkDriverException($"Node {config.NodeName}: linuxbridge could not apply {string.Join("; ", failures)}");
        }
    }

    /// <inheritdoc />
    public async Task<NetworkHostObserved> ObserveAsync(CancellationToken cancellationToken)
    {
        var config = Config;
        var namespaces = await commands.ListNamespacesAsync(cancellationToken);
        var owned = DhcpWiring.Owned(config).Select(NetworkDeviceNames.DhcpNamespace)
            .Concat(RouterWiring.Owned(config).Select(NetworkDeviceNames.RouterNamespace))
            .Where(namespaces.Contains)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new NetworkHostObserved(
            await _bridges.ObserveAsync(cancellationToken),
            owned,
            DhcpWiring.Running(config),
            await _firewall.ObserveAsync(cancellationToken));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DhcpLease>> GetLeasesAsync(string networkId, CancellationToken cancellationToken) =>
        DhcpWiring.LeasesAsync(networkId, Config, cancellationToken);

    private void Report(string kind, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            LinuxBridgeLog.RemovedStale(logger, Config.NodeName, kind, name);
        }
    }

    private async Task<bool> TryAsync(List<string> failures, string resource, Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (Exception e) when (e is NetworkDriverException or HostCommandException or IOException or System.Text.Json.JsonException or FormatException or System.ComponentModel.Win32Exception)
        {
            LinuxBridgeLog.ResourceFailed(logger, Config.NodeName, resource, e.Message);
            failures.Add($"{resource}: {e.Message}");
            return false;
        }
    }
}
