using FuncCloud.Agent.Network;
using FuncCloud.Shared.Network.Wiring;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Network;

/// <summary>
/// The <see cref="INetworkDriver"/> contract, run against every driver: apply makes what the state names and
/// observe reports it, apply is idempotent, apply removes what the state no longer names, and an empty state
/// leaves nothing. Every id is random, so subclasses may share a host with other tests.
/// </summary>
public abstract class NetworkDriverConformanceTests : IAsyncLifetime
{
    /// <summary>The physical network the flat external network of the test states lives on.</summary>
    protected const string PublicPhysnet = "public";

    private readonly string _node = "node-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The driver under test (ready after <see cref="SetUpAsync"/>).</summary>
    protected abstract INetworkDriver Driver { get; }

    /// <summary>The node's configuration; <see cref="PublicPhysnet"/> must map to a bridge.</summary>
    protected abstract NetworkHostConfig Config { get; }

    /// <summary>Prepares the host (before InitHostAsync).</summary>
    protected virtual Task SetUpAsync() => Task.CompletedTask;

    /// <summary>Removes what the test made around the driver (after the final empty apply), even after a failure.</summary>
    protected virtual Task TearDownAsync() => Task.CompletedTask;

    /// <summary>What of the driver's is still on the host ("" when nothing).</summary>
    protected virtual Task<string> LeftoverAsync() => Task.FromResult(string.Empty);

    /// <summary>A description of the driver's host objects that changes whenever one is made, remade or restarted.</summary>
    protected virtual Task<string> HostFingerprintAsync() => Task.FromResult(string.Empty);

    public async Task InitializeAsync()
    {
        await SetUpAsync();
        await Driver.InitHostAsync(Config, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Driver.ApplyAsync(NetworkHostState.Empty(_node), CancellationToken.None);
        }
        finally
        {
            await TearDownAsync();
        }
    }

    [DriverFact]
    public async Task Apply_MakesWhatTheStateNames_AndObserveReportsIt()
    {
        var t = new Topology(_node);
        await Driver.ApplyAsync(t.Full(), CancellationToken.None);

        var observed = await Driver.ObserveAsync(CancellationToken.None);
        observed.Bridges.ShouldBe(new[] { NetworkDeviceNames.Bridge(t.Tenant), NetworkDeviceNames.Bridge(t.External) }.Order(StringComparer.Ordinal), ignoreOrder: true);
        observed.Namespaces.ShouldBe([NetworkDeviceNames.DhcpNamespace(t.Tenant), NetworkDeviceNames.RouterNamespace(t.Router)], ignoreOrder: true);
        observed.DhcpServers.ShouldBe([t.Tenant]);
        observed.FilteredPorts.ShouldBe([t.Port], "the port with port security off is not filtered");
    }

    [DriverFact]
    public async Task Apply_TheSameStateTwice_ChangesNothing()
    {
        var t = new Topology(_node);
        await Driver.ApplyAsync(t.Full(), CancellationToken.None);
        var observed = await Driver.ObserveAsync(CancellationToken.None);
        var fingerprint = await HostFingerprintAsync();

        await Driver.ApplyAsync(t.Full() with { Revision = 2 }, CancellationToken.None);

        (await Driver.ObserveAsync(CancellationToken.None)).ShouldBeEquivalentTo(observed);
        (await HostFingerprintAsync()).ShouldBe(fingerprint);
    }

    [DriverFact]
    public async Task Apply_RemovesWhatTheStateNoLongerNames_AndEmptyLeavesNothing()
    {
        var t = new Topology(_node);
        await Driver.ApplyAsync(t.Full(), CancellationToken.None);

        // The router, the DHCP server, the external network and the ports go; the tenant network stays.
        await Driver.ApplyAsync(new NetworkHostState(_node, 2, [t.TenantNetwork], [], [], []), CancellationToken.None);
        var observed = await Driver.ObserveAsync(CancellationToken.None);
        observed.Bridges.ShouldBe([NetworkDeviceNames.Bridge(t.Tenant)]);
        observed.Namespaces.ShouldBeEmpty();
        observed.DhcpServers.ShouldBeEmpty();
        observed.FilteredPorts.ShouldBeEmpty();
        (await Driver.GetLeasesAsync(t.Tenant, CancellationToken.None)).ShouldBeEmpty();

        await Driver.ApplyAsync(NetworkHostState.Empty(_node), CancellationToken.None);
        observed = await Driver.ObserveAsync(CancellationToken.None);
        observed.Bridges.ShouldBeEmpty();
        (await LeftoverAsync()).ShouldBeEmpty();
    }

    [DriverFact]
    public async Task Apply_ChangedDhcpHostsAndRules_TakeEffectWithoutRemakingTheRest()
    {
        var t = new Topology(_node);
        await Driver.ApplyAsync(t.Full(), CancellationToken.None);

        var changed = t.Full(extraHost: true, icmp: true) with { Revision = 3 };
        await Driver.ApplyAsync(changed, CancellationToken.None);

        var observed = await Driver.ObserveAsync(CancellationToken.None);
        observed.DhcpServers.ShouldBe([t.Tenant]);
        observed.FilteredPorts.ShouldBe([t.Port]);
    }

    [DriverFact]
    public async Task GetLeases_OfANetworkWithoutServer_IsEmpty() =>
        (await Driver.GetLeasesAsync(Guid.NewGuid().ToString(), CancellationToken.None)).ShouldBeEmpty();

    /// <summary>A tenant VXLAN network with DHCP, a router to a flat external network, a filtered and an unfiltered port.</summary>
    protected sealed class Topology(string node)
    {
        public string Tenant { get; } = Guid.NewGuid().ToString();
        public string External { get; } = Guid.NewGuid().ToString();
        public string Router { get; } = Guid.NewGuid().ToString();
        public string Port { get; } = Guid.NewGuid().ToString();
        public string OpenPort { get; } = Guid.NewGuid().ToString();
        public string DhcpPort { get; } = Guid.NewGuid().ToString();
        public string GatewayPort { get; } = Guid.NewGuid().ToString();
        public string InterfacePort { get; } = Guid.NewGuid().ToString();
        public string PortMac { get; } = NetnsLab.Mac();
        public string OpenPortMac { get; } = NetnsLab.Mac();
        public string DhcpMac { get; } = NetnsLab.Mac();
        public string GatewayMac { get; } = NetnsLab.Mac();
        public string InterfaceMac { get; } = NetnsLab.Mac();
        public string SubnetId { get; } = Guid.NewGuid().ToString();
        public string FloatingIpId { get; } = Guid.NewGuid().ToString();
        public int Vni { get; } = Random.Shared.Next(4096, 1 << 23);

        public WiredNetwork TenantNetwork => new(Tenant, "vxlan", Vni, null, 1450, []);

        public WiredNetwork ExternalNetwork => new(External, "flat", null, PublicPhysnet, 1500, []);

        public NetworkHostState Full(bool extraHost = false, bool icmp = false)
        {
            var subnet = new DhcpSubnet(SubnetId, "10.1.0.0/24", 4, "10.1.0.1", ["10.1.0.53"], [new HostRoute("10.9.0.0/16", "10.1.0.254")], null, null);
            List<DhcpHost> hosts = [new DhcpHost(Port, PortMac, "10.1.0.5", "host-10-1-0-5")];
            if (extraHost)
            {
                hosts.Add(new DhcpHost(OpenPort, OpenPortMac, "10.1.0.6", "host-10-1-0-6"));
            }

            List<SecurityRuleState> rules = [new("egress", "IPv4", null, null, null, []), new("ingress", "IPv4", "tcp", 22, 22, [])];
            if (icmp)
            {
                rules.Add(new("ingress", "IPv4", "icmp", null, null, ["0.0.0.0/0"]));
            }

            return new NetworkHostState(
                node,
                1,
                [TenantNetwork, ExternalNetwork],
                [new DhcpServerState(Tenant, DhcpPort, DhcpMac, ["10.1.0.2/24"], 1450, [subnet], hosts)],
                [new RouterState(
                    Router,
                    new RouterGatewayState(External, GatewayPort, GatewayMac, ["172.24.4.10/24"], "172.24.4.1", true),
                    [new RouterInterfaceState(Tenant, InterfacePort, InterfaceMac, ["10.1.0.1/24"])],
                    [new HostRoute("10.8.0.0/16", "10.1.0.254")],
                    [new FloatingIpState(FloatingIpId, "172.24.4.20", "10.1.0.5")])],
                [
                    new PortState(Port, Tenant, PortMac, ["10.1.0.5"], true, [], rules),
                    new PortState(OpenPort, Tenant, OpenPortMac, ["10.1.0.6"], false, [], []),
                ]);
        }
    }
}
