using FuncCloud.Agent.Network;
using FuncCloud.Agent.Network.LinuxBridge;
using FuncCloud.Agent.Privileged;
using FuncCloud.Shared.Network.Wiring;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit.Abstractions;

namespace FuncCloud.Agent.Tests.Network;

/// <summary>
/// The conformance suite on the Linux bridge driver, which runs inside a fresh namespace standing for the
/// node's host (its bridges and chains are the test's alone); qdhcp-/qrouter- namespaces are machine-wide with
/// random ids. After each test the host namespace must hold nothing of the driver's.
/// </summary>
[RequiresRoot]
public sealed class LinuxBridgeNetworkDriverTests(ITestOutputHelper output) : NetworkDriverConformanceTests
{
    private readonly NetnsLab _lab = new();
    private readonly string _stateFolder = Directory.CreateTempSubdirectory("funccloud-linuxbridge-").FullName;
    private readonly string _physicalBridge = NetnsLab.Name('x');
    private string _hostNs = string.Empty;
    private LinuxBridgeNetworkDriver? _driver;
    private NetworkHostConfig? _config;

    protected override INetworkDriver Driver => _driver!;

    protected override NetworkHostConfig Config => _config!;

    /// <summary>A driver over <paramref name="hostNs"/> keeping its files in <paramref name="stateFolder"/>.</summary>
    public static LinuxBridgeNetworkDriver NewDriver(string hostNs) =>
        new(new NetworkCommands(new HostCommand(), new LinuxBridgeOptions { HostNamespace = hostNs }), NullLogger<LinuxBridgeNetworkDriver>.Instance);

    protected override async Task SetUpAsync()
    {
        _hostNs = await _lab.NamespaceAsync('h');
        _config = new NetworkHostConfig("lb-test", "192.168.250.1", new Dictionary<string, string> { [PublicPhysnet] = _physicalBridge }, _stateFolder);
        _driver = NewDriver(_hostNs);
    }

    protected override async Task TearDownAsync()
    {
        await _lab.TryInAsync(_hostNs, "ip", "link", "del", _physicalBridge);
        await _lab.DisposeAsync();
        Directory.Delete(_stateFolder, recursive: true);
    }

    protected override Task<string> LeftoverAsync() => LeftoverAsync(_lab, _hostNs, _stateFolder, _physicalBridge);

    /// <summary>
    /// What of a driver's is left: devices in the host namespace other than lo and <paramref name="ignore"/>,
    /// fcl- netfilter rules and chains, ownership folders, qdhcp-/qrouter- namespaces of those folders, and any
    /// process (dnsmasq) whose command line names the state folder.
    /// </summary>
    public static async Task<string> LeftoverAsync(NetnsLab lab, string hostNs, string stateFolder, params string[] ignore)
    {
        var left = new List<string>();
        left.AddRange((await lab.LinksAsync(hostNs)).Where(l => l != "lo" && !ignore.Contains(l)).Select(l => "link " + l));
        foreach (var tool in new[] { "iptables", "ip6tables" })
        {
            var rules = (await lab.InAsync(hostNs, tool, "-S")).StandardOutput;
            left.AddRange(rules.Split('\n').Where(r => r.Contains("fcl-", StringComparison.Ordinal)).Select(r => $"{tool} {r}"));
        }

        var owned = Directory.EnumerateDirectories(stateFolder, "*", SearchOption.AllDirectories)
            .Where(d => Path.GetFileName(Path.GetDirectoryName(d)) is "dhcp" or "routers").ToList();
        left.AddRange(owned.Select(d => "state " + d));
        left.AddRange((await lab.MachineNamespacesAsync())
            .Where(ns => owned.Any(d => ns == "qdhcp-" + Path.GetFileName(d) || ns == "qrouter-" + Path.GetFileName(d)))
            .Select(ns => "namespace " + ns));
        left.AddRange(NetnsLab.ProcessesMentioning(stateFolder).Select(pid => $"process {pid}"));
        return string.Join("\n", left);
    }

    protected override async Task<string> HostFingerprintAsync()
    {
        // Interface indexes change when a device is remade; a restarted dnsmasq has a new pid; rules are compared as text.
        var links = (await _lab.InAsync(_hostNs, "ip", "-o", "-d", "link", "show")).StandardOutput;
        var rules = (await _lab.InAsync(_hostNs, "iptables", "-S")).StandardOutput;
        var pids = string.Join(',', Directory.EnumerateFiles(_stateFolder, DhcpWiring.PidFile, SearchOption.AllDirectories).Select(File.ReadAllText));
        return string.Join("\n", links.Split('\n').Select(l => l.Split(" link/")[0]).Concat([rules, pids]));
    }

    [DriverFact]
    public async Task Apply_Timings_AreReported()
    {
        // The figures the docs quote: a cold apply (everything made), a warm one (nothing changes), the removal.
        var t = new Topology("lb-test");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Driver.ApplyAsync(t.Full(), CancellationToken.None);
        var cold = watch.ElapsedMilliseconds;
        watch.Restart();
        await Driver.ApplyAsync(t.Full(), CancellationToken.None);
        var warm = watch.ElapsedMilliseconds;
        watch.Restart();
        await Driver.ApplyAsync(NetworkHostState.Empty("lb-test"), CancellationToken.None);
        var empty = watch.ElapsedMilliseconds;
        output.WriteLine($"linuxbridge apply (2 networks, DHCP, router with floating IP, 2 ports): cold {cold} ms, warm {warm} ms, to empty {empty} ms");
        (await LeftoverAsync()).ShouldBeEmpty();
    }

    [DriverFact]
    public async Task AHostAddedLater_IsServedAfterASighup_WithoutRestartingDnsmasq()
    {
        var t = new Topology("lb-test");
        await Driver.ApplyAsync(t.Full(), CancellationToken.None);
        var pidFile = Path.Combine(_stateFolder, "dhcp", t.Tenant, DhcpWiring.PidFile);
        var pid = await File.ReadAllTextAsync(pidFile);

        await Driver.ApplyAsync(t.Full(extraHost: true) with { Revision = 2 }, CancellationToken.None);
        (await File.ReadAllTextAsync(pidFile)).ShouldBe(pid, "a host change is a SIGHUP, not a restart");

        var tap = NetworkDeviceNames.Tap(t.OpenPort);
        var vm = await _lab.VmAsync(_hostNs, tap, NetworkDeviceNames.Bridge(t.Tenant), t.OpenPortMac, 1450);
        try
        {
            (await _lab.DhcpAsync(vm)).ShouldBe("10.1.0.6");
        }
        finally
        {
            await _lab.TryInAsync(_hostNs, "ip", "link", "del", tap);
        }
    }

    [DriverFact]
    public async Task ANewDriverOverTheSameStateFolder_RemovesWhatAKilledOneLeft()
    {
        var t = new Topology("lb-test");
        await Driver.ApplyAsync(t.Full(), CancellationToken.None);

        // The agent is killed: a new process with the same configuration finds the old one's work by name and folder.
        var successor = NewDriver(_hostNs);
        await successor.InitHostAsync(Config, CancellationToken.None);
        await successor.ApplyAsync(NetworkHostState.Empty("lb-test"), CancellationToken.None);

        (await LeftoverAsync()).ShouldBeEmpty();
    }

    [DriverFact]
    public async Task AFailingResource_DoesNotStopTheOthers_AndIsNamed()
    {
        var t = new Topology("lb-test");
        var missing = Guid.NewGuid().ToString();
        var full = t.Full();
        var broken = full with
        {
            Routers = [.. full.Routers, new RouterState(missing, null, [new RouterInterfaceState(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), NetnsLab.Mac(), ["10.7.0.1/24"])], [], [])],
        };

        var error = await Should.ThrowAsync<NetworkDriverException>(() => Driver.ApplyAsync(broken, CancellationToken.None));
        error.Message.ShouldContain(missing);
        var observed = await Driver.ObserveAsync(CancellationToken.None);
        observed.DhcpServers.ShouldBe([t.Tenant]);
        observed.Namespaces.ShouldContain(NetworkDeviceNames.RouterNamespace(t.Router));
    }
}
