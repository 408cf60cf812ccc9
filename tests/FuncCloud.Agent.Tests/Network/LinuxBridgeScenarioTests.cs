using FuncCloud.Agent.Network;
using FuncCloud.Agent.Network.LinuxBridge;
using FuncCloud.Shared.Network.Wiring;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Network;

/// <summary>
/// The Linux bridge driver end to end with namespaces standing in for VMs (a veth whose host end is the
/// port's tap in the network's bridge): DHCP leases, SNAT, floating IPs, security groups, and VXLAN between
/// two "nodes" (each a driver inside its own host namespace, joined by a veth underlay). Every test removes
/// what it made and asserts that nothing of the driver's is left.
/// </summary>
public sealed class LinuxBridgeScenarioTests
{
    private static readonly TimeSpan LeaseWait = TimeSpan.FromSeconds(60);

    [RootFact]
    public async Task VmNamespaces_LeaseTheirFixedIps_ReachOutThroughSnat_AreReachedThroughAFloatingIp_AndSecurityGroupsFilter()
    {
        await using var lab = new NetnsLab();
        var stateFolder = Directory.CreateTempSubdirectory("funccloud-linuxbridge-").FullName;
        var physical = NetnsLab.Name('x');
        var hostNs = await lab.NamespaceAsync('h');
        var driver = LinuxBridgeNetworkDriverTests.NewDriver(hostNs);
        var config = new NetworkHostConfig("lb-scenario", null, new Dictionary<string, string> { ["public"] = physical }, stateFolder);
        var s = new SingleNode();
        var uplink = NetnsLab.Name('o');
        try
        {
            await driver.InitHostAsync(config, CancellationToken.None);
            await driver.ApplyAsync(s.State(icmpAllowed: false), CancellationToken.None);

            var tenantBridge = NetworkDeviceNames.Bridge(s.Tenant);
            var vm1 = await lab.VmAsync(hostNs, NetworkDeviceNames.Tap(s.Vm1), tenantBridge, s.Vm1Mac, 1450);
            var vm2 = await lab.VmAsync(hostNs, NetworkDeviceNames.Tap(s.Vm2), tenantBridge, s.Vm2Mac, 1450);

            // The outside world: a namespace on the external bridge holding the external subnet's gateway address.
            var outside = await lab.NamespaceAsync('o');
            await lab.LinkAsync(hostNs, uplink, outside);
            await lab.InAsync(hostNs, "ip", "link", "set", uplink, "master", physical);
            await lab.InAsync(outside, "ip", "addr", "add", "172.24.4.1/24", "dev", "eth0");
            foreach (var source in new[] { "172.24.4.10", "172.24.4.20" })
            {
                // Counters of the sources the outside sees: SNAT to the gateway vs. to the floating IP.
                await lab.InAsync(outside, "iptables", "-A", "INPUT", "-s", source, "-p", "icmp", "--icmp-type", "echo-request");
            }

            // DHCP: each VM is offered exactly its port's fixed IP, and the server's lease database says so.
            var dnsmasqLog = Path.Combine(stateFolder, "dhcp", s.Tenant, "dnsmasq.log");
            await Poll.UntilAsync(() => File.Exists(dnsmasqLog) && File.ReadAllText(dnsmasqLog).Contains("DHCP, static leases only", StringComparison.Ordinal), "dnsmasq serving", LeaseWait);
            try
            {
                (await lab.DhcpAsync(vm1)).ShouldBe("10.1.0.5");
                (await lab.DhcpAsync(vm2)).ShouldBe("10.1.0.6");
            }
            catch (Exception e) when (e is not ShouldAssertException)
            {
                // What the server saw and what the host's filter counted say where the exchange stopped.
                var counters = (await lab.InAsync(hostNs, "iptables", "-L", "-v", "-n")).StandardOutput;
                throw new InvalidOperationException($"{e.Message}\n--- dnsmasq log:\n{File.ReadAllText(dnsmasqLog)}\n--- host filter:\n{counters}", e);
            }

            var leases = await Poll.UntilAsync(
                async () => (await driver.GetLeasesAsync(s.Tenant, CancellationToken.None)) is { Count: 2 } l ? l : null,
                "two leases in dnsmasq's database",
                LeaseWait);
            leases.ShouldContain(l => l.IpAddress == "10.1.0.5" && string.Equals(l.MacAddress, s.Vm1Mac, StringComparison.OrdinalIgnoreCase));
            leases.ShouldContain(l => l.IpAddress == "10.1.0.6" && string.Equals(l.MacAddress, s.Vm2Mac, StringComparison.OrdinalIgnoreCase));
            foreach (var (vm, address) in new[] { (vm1, "10.1.0.5/24"), (vm2, "10.1.0.6/24") })
            {
                await lab.InAsync(vm, "ip", "addr", "add", address, "dev", "eth0");
                await lab.InAsync(vm, "ip", "route", "add", "default", "via", "10.1.0.1");
            }

            // Out through SNAT (the outside has no route back to 10.1.0.0/24: a reply proves the translation).
            (await lab.PingsAsync(vm2, "172.24.4.1")).ShouldBeTrue("vm2 reaches the outside through the router's SNAT");
            (await PacketsFromAsync(lab, outside, "172.24.4.10")).ShouldBeGreaterThan(0);
            (await lab.PingsAsync(vm1, "172.24.4.1")).ShouldBeTrue("vm1 reaches the outside as its floating IP");
            (await PacketsFromAsync(lab, outside, "172.24.4.20")).ShouldBeGreaterThan(0);

            // In through the floating IP: blocked without an ICMP rule, allowed once the rule is applied.
            (await lab.PingsAsync(outside, "172.24.4.20", tries: 2)).ShouldBeFalse("the security group has no ICMP ingress rule");
            await driver.ApplyAsync(s.State(icmpAllowed: true), CancellationToken.None);
            (await lab.PingsAsync(outside, "172.24.4.20")).ShouldBeTrue("the ICMP ingress rule now allows the ping through the floating IP");

            // Anti-spoofing: a source address the port does not own is dropped at the tap.
            await lab.InAsync(vm2, "ip", "addr", "add", "10.1.0.99/24", "dev", "eth0");
            (await lab.TryInAsync(vm2, "busybox", "ping", "-c", "2", "-W", "1", "-I", "10.1.0.99", "10.1.0.1")).ExitCode.ShouldNotBe(0, "a spoofed source is dropped");
            (await lab.PingsAsync(vm2, "10.1.0.1")).ShouldBeTrue("the port's own address still works");

            await driver.ApplyAsync(NetworkHostState.Empty(config.NodeName), CancellationToken.None);
            var observed = await driver.ObserveAsync(CancellationToken.None);
            observed.Bridges.ShouldBeEmpty();
            observed.Namespaces.ShouldBeEmpty();
            observed.DhcpServers.ShouldBeEmpty();
            observed.FilteredPorts.ShouldBeEmpty();
        }
        finally
        {
            await TryAsync(() => driver.ApplyAsync(NetworkHostState.Empty(config.NodeName), CancellationToken.None));
            await lab.TryInAsync(hostNs, "ip", "link", "del", NetworkDeviceNames.Tap(s.Vm1));
            await lab.TryInAsync(hostNs, "ip", "link", "del", NetworkDeviceNames.Tap(s.Vm2));
            var left = await LinuxBridgeNetworkDriverTests.LeftoverAsync(lab, hostNs, stateFolder, physical, uplink);
            await lab.TryInAsync(hostNs, "ip", "link", "del", physical);
            await lab.DisposeAsync();
            Directory.Delete(stateFolder, recursive: true);
            left.ShouldBeEmpty();
        }
    }

    [RootFact]
    public async Task TwoNodes_CarryATenantNetworkOverVxlan()
    {
        await using var lab = new NetnsLab();
        var folderA = Directory.CreateTempSubdirectory("funccloud-linuxbridge-a-").FullName;
        var folderB = Directory.CreateTempSubdirectory("funccloud-linuxbridge-b-").FullName;
        var nodeA = await lab.NamespaceAsync('h');
        var nodeB = await lab.NamespaceAsync('h');
        var underlay = NetnsLab.Name('u');
        await lab.LinkAsync(nodeA, underlay, nodeB, "underlay");
        await lab.InAsync(nodeA, "ip", "addr", "add", "192.168.250.1/30", "dev", underlay);
        await lab.InAsync(nodeB, "ip", "addr", "add", "192.168.250.2/30", "dev", "underlay");

        var driverA = LinuxBridgeNetworkDriverTests.NewDriver(nodeA);
        var driverB = LinuxBridgeNetworkDriverTests.NewDriver(nodeB);
        var configA = new NetworkHostConfig("node-a", "192.168.250.1", new Dictionary<string, string>(), folderA);
        var configB = new NetworkHostConfig("node-b", "192.168.250.2", new Dictionary<string, string>(), folderB);
        var network = Guid.NewGuid().ToString();
        var vni = Random.Shared.Next(4096, 1 << 23);
        string portA = Guid.NewGuid().ToString(), portB = Guid.NewGuid().ToString();
        string macA = NetnsLab.Mac(), macB = NetnsLab.Mac();
        List<SecurityRuleState> rules = [new("egress", "IPv4", null, null, null, []), new("ingress", "IPv4", "icmp", null, null, [])];
        try
        {
            await driverA.InitHostAsync(configA, CancellationToken.None);
            await driverB.InitHostAsync(configB, CancellationToken.None);
            await driverA.ApplyAsync(new NetworkHostState("node-a", 1, [new WiredNetwork(network, "vxlan", vni, null, 1450, ["192.168.250.2"])], [], [], [new PortState(portA, network, macA, ["10.2.0.5"], true, [], rules)]), CancellationToken.None);
            await driverB.ApplyAsync(new NetworkHostState("node-b", 1, [new WiredNetwork(network, "vxlan", vni, null, 1450, ["192.168.250.1"])], [], [], [new PortState(portB, network, macB, ["10.2.0.6"], true, [], rules)]), CancellationToken.None);

            var bridge = NetworkDeviceNames.Bridge(network);
            var vmA = await lab.VmAsync(nodeA, NetworkDeviceNames.Tap(portA), bridge, macA, 1450);
            var vmB = await lab.VmAsync(nodeB, NetworkDeviceNames.Tap(portB), bridge, macB, 1450);
            await lab.InAsync(vmA, "ip", "addr", "add", "10.2.0.5/24", "dev", "eth0");
            await lab.InAsync(vmB, "ip", "addr", "add", "10.2.0.6/24", "dev", "eth0");

            (await lab.InAsync(nodeA, "bridge", "fdb", "show", "dev", NetworkDeviceNames.Vxlan(vni))).StandardOutput.ShouldContain("00:00:00:00:00:00 dst 192.168.250.2");
            (await lab.PingsAsync(vmA, "10.2.0.6")).ShouldBeTrue("vm on node A reaches vm on node B over VXLAN");
            (await lab.PingsAsync(vmB, "10.2.0.5")).ShouldBeTrue("and back");
        }
        finally
        {
            await TryAsync(() => driverA.ApplyAsync(NetworkHostState.Empty("node-a"), CancellationToken.None));
            await TryAsync(() => driverB.ApplyAsync(NetworkHostState.Empty("node-b"), CancellationToken.None));
            await lab.TryInAsync(nodeA, "ip", "link", "del", NetworkDeviceNames.Tap(portA));
            await lab.TryInAsync(nodeB, "ip", "link", "del", NetworkDeviceNames.Tap(portB));
            var left = await LinuxBridgeNetworkDriverTests.LeftoverAsync(lab, nodeA, folderA, underlay)
                + await LinuxBridgeNetworkDriverTests.LeftoverAsync(lab, nodeB, folderB, "underlay");
            await lab.DisposeAsync();
            Directory.Delete(folderA, recursive: true);
            Directory.Delete(folderB, recursive: true);
            left.ShouldBeEmpty();
        }
    }

    private static async Task<long> PacketsFromAsync(NetnsLab lab, string ns, string source)
    {
        var listing = (await lab.InAsync(ns, "iptables", "-L", "INPUT", "-v", "-x", "-n")).StandardOutput;
        var line = listing.Split('\n').First(l => l.Contains(source, StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (NetworkDriverException)
        {
            // Cleanup continues; the leftover check reports what stayed.
        }
    }

    /// <summary>One node with a tenant network, DHCP, a router to a flat external network and two VM ports.</summary>
    private sealed class SingleNode
    {
        public string Tenant { get; } = Guid.NewGuid().ToString();
        public string External { get; } = Guid.NewGuid().ToString();
        public string Vm1 { get; } = Guid.NewGuid().ToString();
        public string Vm2 { get; } = Guid.NewGuid().ToString();
        public string Vm1Mac { get; } = NetnsLab.Mac();
        public string Vm2Mac { get; } = NetnsLab.Mac();
        private string Router { get; } = Guid.NewGuid().ToString();
        private string SubnetId { get; } = Guid.NewGuid().ToString();
        private string DhcpPort { get; } = Guid.NewGuid().ToString();
        private string DhcpMac { get; } = NetnsLab.Mac();
        private string GatewayPort { get; } = Guid.NewGuid().ToString();
        private string GatewayMac { get; } = NetnsLab.Mac();
        private string InterfacePort { get; } = Guid.NewGuid().ToString();
        private string InterfaceMac { get; } = NetnsLab.Mac();
        private int Vni { get; } = Random.Shared.Next(4096, 1 << 23);

        public NetworkHostState State(bool icmpAllowed)
        {
            List<SecurityRuleState> rules = [new("egress", "IPv4", null, null, null, []), new("ingress", "IPv4", "tcp", 22, 22, [])];
            var vm1Rules = icmpAllowed ? [.. rules, new("ingress", "IPv4", "icmp", null, null, [])] : rules;
            var subnet = new DhcpSubnet(SubnetId, "10.1.0.0/24", 4, "10.1.0.1", [], [], null, null);
            return new NetworkHostState(
                "lb-scenario",
                icmpAllowed ? 2 : 1,
                [new WiredNetwork(Tenant, "vxlan", Vni, null, 1450, []), new WiredNetwork(External, "flat", null, "public", 1500, [])],
                [new DhcpServerState(Tenant, DhcpPort, DhcpMac, ["10.1.0.2/24"], 1450, [subnet], [new DhcpHost(Vm1, Vm1Mac, "10.1.0.5", "host-10-1-0-5"), new DhcpHost(Vm2, Vm2Mac, "10.1.0.6", "host-10-1-0-6")])],
                [new RouterState(
                    Router,
                    new RouterGatewayState(External, GatewayPort, GatewayMac, ["172.24.4.10/24"], "172.24.4.1", true),
                    [new RouterInterfaceState(Tenant, InterfacePort, InterfaceMac, ["10.1.0.1/24"])],
                    [],
                    [new FloatingIpState(Guid.NewGuid().ToString(), "172.24.4.20", "10.1.0.5")])],
                [new PortState(Vm1, Tenant, Vm1Mac, ["10.1.0.5"], true, [], vm1Rules), new PortState(Vm2, Tenant, Vm2Mac, ["10.1.0.6"], true, [], rules)]);
        }
    }
}
