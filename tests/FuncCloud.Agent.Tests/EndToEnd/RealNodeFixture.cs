using System.Globalization;
using FuncCloud.Agent.Network;
using FuncCloud.Agent.Network.LinuxBridge;
using FuncCloud.Agent.Privileged;
using FuncCloud.Agent.Tests.Compute.Libvirt;
using FuncCloud.Agent.Tests.Storage;
using FuncCloud.Shared.Network.Wiring;
using FuncCloud.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FuncCloud.Agent.Tests.EndToEnd;

/// <summary>
/// A real all-in-one cloud in the test process, as <c>./funccloud up --real</c> makes one: a LocalHost (identity,
/// Glance, Nova, Neutron, Cinder, the workflows, the metadata API) and an in-process agent whose node runs the
/// Libvirt compute driver, the Linux bridge network driver and the File volume driver (tgt iSCSI). The bootstrap's
/// <c>public</c> network lies on <see cref="ExternalBridge"/> (a private 10.231.x.0/24, the host holding its
/// gateway address, nothing routed off the machine); <see cref="OutsideNamespace"/> is a "client" on it. Every name
/// carries a random id behind the <c>fcr</c> prefix, and <see cref="DisposeAsync"/> removes what it made.
/// </summary>
public sealed class RealNodeFixture() : AgentHostFixture(AgentPassword, "fcr-e2e-"), Xunit.IAsyncLifetime
{
    public const string AgentPassword = "real-node-agent-pass";
    public const string MetadataSecret = "real-node-metadata-secret";

    private readonly LibvirtFixture _libvirt = new();
    private readonly TgtdFixture _tgtd = new();
    private readonly HostCommand _host = new();
    private readonly string _id = Guid.NewGuid().ToString("N")[..6];
    private readonly int _subnet = Random.Shared.Next(10, 250);
    private bool _started;

    /// <summary>Why this machine cannot run real guests, or null.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The node's name.</summary>
    public string NodeName => "fcr-node-" + _id;

    /// <summary>The libvirt domain prefix of this node's instances.</summary>
    public string DomainPrefix => $"fcr{_id}-";

    /// <summary>The IQN prefix of this node's iSCSI targets.</summary>
    public string IqnPrefix => $"iqn.2026-12.cloud.funccloud.fcr{_id}:";

    /// <summary>The host bridge of the <c>public</c> physical network (devstack's br-ex).</summary>
    public string ExternalBridge => "fcrx" + _id;

    /// <summary>A namespace on the external bridge, standing for a client outside the cloud.</summary>
    public string OutsideNamespace => "fcro" + _id;

    /// <summary>The public subnet.</summary>
    public string PublicCidr => $"10.231.{_subnet.ToString(CultureInfo.InvariantCulture)}.0/24";

    /// <summary>The folder QEMU reads (instances, image cache): world-traversable, unlike the agent's state folder.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "fcr-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The funccloud-busybox build (vmlinuz, initrd.img, disk.qcow2).</summary>
    public string ImageFolder { get; private set; } = string.Empty;

    /// <summary>The agent's network state folder (qdhcp-/qrouter- records).</summary>
    public string NetworkState => Path.Combine(AgentState, NodeName, "network");

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Bootstrap:Network:Enabled"] = "true";
            settings["FuncCloud:Bootstrap:Network:PublicCidr"] = PublicCidr;
            settings["FuncCloud:Metadata:SharedSecret"] = MetadataSecret;
            settings["FuncCloud:Compute:AgentTimeoutSeconds"] = "600";
            settings["Logging:LogLevel:FuncCloud"] = "Warning";
            return settings;
        }
    }

    protected override IDictionary<string, string?> AgentConfiguration => new Dictionary<string, string?>
    {
        ["FuncCloud:Agent:Nodes:0"] = NodeName,
        ["FuncCloud:Agent:Roles:0"] = "compute",
        ["FuncCloud:Agent:Roles:1"] = "network",
        ["FuncCloud:Agent:Roles:2"] = "storage",
        ["FuncCloud:Agent:Driver"] = "Libvirt",
        ["FuncCloud:Agent:NetworkDriver"] = "LinuxBridge",
        ["FuncCloud:Agent:StorageDriver"] = "File",
        ["FuncCloud:Agent:NetworkSyncInterval"] = "00:00:05",
        ["FuncCloud:Agent:HeartbeatInterval"] = "00:00:02",
        ["FuncCloud:Agent:ReconcileInterval"] = "00:00:10",
        ["FuncCloud:Agent:MaxPollInterval"] = "00:00:00.500",
        ["FuncCloud:Agent:PhysicalBridges:public"] = ExternalBridge,
        ["FuncCloud:Agent:Libvirt:InstancesPath"] = Path.Combine(Root, "instances"),
        ["FuncCloud:Agent:Libvirt:DomainPrefix"] = DomainPrefix,
        ["FuncCloud:Agent:ImageCache:Directory"] = Path.Combine(Root, "images"),
        ["FuncCloud:Agent:Storage:File:IqnPrefix"] = IqnPrefix,
        ["FuncCloud:Agent:Storage:File:Folder"] = Path.Combine(Root, "storage"), // the same node attaches the file itself
        ["FuncCloud:Agent:Metadata:SharedSecret"] = MetadataSecret,
    };

    public new async Task InitializeAsync()
    {
        await _libvirt.InitializeAsync();
        SkipReason = _libvirt.SkipReason;
        if (SkipReason is not null || !OperatingSystem.IsLinux())
        {
            SkipReason ??= "real guests need Linux";
            return;
        }

        await _tgtd.InitializeAsync();
        var build = await _host.RunAsync("bash", [Path.Combine(RepositoryRoot(), "tests", "images", "build-busybox-image.sh")], CancellationToken.None);
        ImageFolder = build.StandardOutput.Trim().Split('\n')[^1];
        Directory.CreateDirectory(Path.Combine(Root, "instances"));
        Directory.CreateDirectory(Path.Combine(Root, "images"));
        Directory.CreateDirectory(Path.Combine(Root, "storage"));
        foreach (var folder in new[] { Root, Path.Combine(Root, "instances"), Path.Combine(Root, "images"), Path.Combine(Root, "storage") })
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101); // QEMU runs as libvirt's user
        }

        // The external bridge with the public gateway address on the host, and a client namespace on it.
        var prefix = $"10.231.{_subnet.ToString(CultureInfo.InvariantCulture)}.";
        await _host.RunAsync("ip", ["link", "add", ExternalBridge, "type", "bridge"], CancellationToken.None);
        await _host.RunAsync("ip", ["addr", "add", prefix + "1/24", "dev", ExternalBridge], CancellationToken.None);
        await _host.RunAsync("ip", ["link", "set", ExternalBridge, "up"], CancellationToken.None);
        await _host.RunAsync("ip", ["netns", "add", OutsideNamespace], CancellationToken.None);
        await _host.RunAsync("ip", ["link", "add", "fcrv" + _id, "type", "veth", "peer", "name", "fcrw" + _id, "netns", OutsideNamespace], CancellationToken.None);
        await _host.RunAsync("ip", ["link", "set", "fcrv" + _id, "master", ExternalBridge, "up"], CancellationToken.None);
        await InOutsideAsync("ip", "addr", "add", prefix + "250/24", "dev", "fcrw" + _id);
        await InOutsideAsync("ip", "link", "set", "fcrw" + _id, "up");
        await InOutsideAsync("ip", "link", "set", "lo", "up");
        _started = true;

        await base.InitializeAsync();
        await StartAgentAsync();
        await Poll.UntilAsync(async () =>
        {
            var nodes = await OpenStackCli.RunAsync(AdminEnvironment, "compute", "service", "list", "-f", "value", "-c", "Host");
            return nodes.StandardOutput.Contains(NodeName, StringComparison.Ordinal);
        }, $"node {NodeName} registered", TimeSpan.FromMinutes(2));
    }

    /// <summary>Runs a command in <see cref="OutsideNamespace"/>; the result whatever it exits with.</summary>
    public Task<HostCommandResult> InOutsideAsync(params string[] command) =>
        _host.TryRunAsync("ip", ["netns", "exec", OutsideNamespace, .. command], CancellationToken.None);

    /// <summary>The libvirt domains of this node.</summary>
    public Task<IReadOnlyList<string>> DomainsAsync() => _libvirt.DomainsAsync(DomainPrefix);

    /// <summary>The host's network namespaces.</summary>
    public async Task<IReadOnlyList<string>> NamespacesAsync() =>
        [.. (await _host.RunAsync("ip", ["netns", "list"], CancellationToken.None)).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0])];

    /// <summary>The host's links (names without the peer suffix).</summary>
    public async Task<IReadOnlyList<string>> LinksAsync() =>
        [.. (await _host.RunAsync("ip", ["-o", "link", "show"], CancellationToken.None)).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(": ")[1].Split('@')[0])];

    /// <summary>The host's iptables rules (filter table).</summary>
    public async Task<string> IptablesAsync() => (await _host.RunAsync("iptables", ["-S"], CancellationToken.None)).StandardOutput;

    /// <summary>The tgt targets.</summary>
    public async Task<string> TargetsAsync() =>
        (await _host.RunAsync("tgtadm", ["--lld", "iscsi", "--mode", "target", "--op", "show"], CancellationToken.None)).StandardOutput;

    public new async Task DisposeAsync()
    {
        if (SkipReason is null)
        {
            await StopAgentAsync();
            if (_started)
            {
                // Whatever a failed test left: the network driver, given an empty state, removes all it made
                // (namespaces, dnsmasq, haproxy, bridges, chains), found through its state folder and its names.
                var driver = new LinuxBridgeNetworkDriver(new NetworkCommands(_host, new LinuxBridgeOptions()), NullLogger<LinuxBridgeNetworkDriver>.Instance);
                var config = new NetworkHostConfig(NodeName, null, new Dictionary<string, string> { ["public"] = ExternalBridge }, NetworkState);
                await driver.InitHostAsync(config, CancellationToken.None);
                await driver.ApplyAsync(NetworkHostState.Empty(NodeName), CancellationToken.None);
            }

            await base.DisposeAsync();
        }

        if (_started)
        {
            foreach (var domain in await DomainsAsync())
            {
                await _host.TryRunAsync("virsh", ["-c", "qemu:///system", "destroy", domain], CancellationToken.None);
                await _host.TryRunAsync("virsh", ["-c", "qemu:///system", "undefine", domain, "--managed-save"], CancellationToken.None);
            }

            await _host.TryRunAsync("ip", ["netns", "del", OutsideNamespace], CancellationToken.None);
            await _host.TryRunAsync("ip", ["link", "del", "fcrv" + _id], CancellationToken.None);
            await _host.TryRunAsync("ip", ["link", "del", ExternalBridge], CancellationToken.None);
        }

        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        await _tgtd.DisposeAsync();
        await _libvirt.DisposeAsync();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "tests", "images", "build-busybox-image.sh")))
            {
                return dir.FullName;
            }
        }

        throw new FileNotFoundException("tests/images/build-busybox-image.sh not found above " + AppContext.BaseDirectory);
    }
}
