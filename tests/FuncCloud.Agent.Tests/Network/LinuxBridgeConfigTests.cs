using FuncCloud.Agent.Network.LinuxBridge;
using FuncCloud.Shared.Network.Wiring;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Network;

/// <summary>What the Linux bridge driver tells dnsmasq and iptables, checked as text (no root needed).</summary>
public sealed class LinuxBridgeConfigTests
{
    private static readonly LinuxBridgeOptions Options = new();

    [Fact]
    public void Dnsmasq_Ipv4Subnet_StaticRangeRouterDnsMtuAndClasslessRoutesWithTheDefault()
    {
        var server = new DhcpServerState("net", "port", "fa:16:3e:00:00:01", ["10.1.0.2/24"], 1450,
            [new DhcpSubnet("s1", "10.1.0.0/24", 4, "10.1.0.1", ["10.1.0.53"], [new HostRoute("10.9.0.0/16", "10.1.0.254")], null, null)],
            [new DhcpHost("p1", "FA:16:3E:00:00:05", "10.1.0.5", "host-10-1-0-5")]);

        var config = DnsmasqConfig.Build(server, "ns-port", "/state/dhcp/net", Options);

        config.Arguments.ShouldContain("--dhcp-range=set:subnet-s1,10.1.0.0,static,255.255.255.0,86400s");
        config.Arguments.ShouldContain("--dhcp-option-force=option:mtu,1450");
        config.Arguments.ShouldContain("--interface=ns-port");
        config.Arguments.ShouldContain("--no-resolv");
        config.Arguments.ShouldContain("--pid-file=/state/dhcp/net/pid");
        config.Arguments.ShouldNotContain("--enable-ra");
        config.HostsFile.ShouldBe("fa:16:3e:00:00:05,host-10-1-0-5.openstacklocal,10.1.0.5\n");
        config.OptionsFile.ShouldContain("tag:subnet-s1,option:router,10.1.0.1\n");
        config.OptionsFile.ShouldContain("tag:subnet-s1,option:dns-server,10.1.0.53\n");
        config.OptionsFile.ShouldContain("tag:subnet-s1,option:classless-static-route,10.9.0.0/16,10.1.0.254,0.0.0.0/0,10.1.0.1\n");
    }

    [Theory]
    [InlineData("dhcpv6-stateful", "static", true)]
    [InlineData("dhcpv6-stateless", "ra-stateless", false)]
    [InlineData("slaac", "ra-only", false)]
    public void Dnsmasq_Ipv6Subnet_RaModeAdvertises_AutoAddressesHaveNoLease(string mode, string dnsmasqMode, bool leased)
    {
        var server = new DhcpServerState("net", "port", "fa:16:3e:00:00:01", ["2001:db8::2/64"], 1500,
            [new DhcpSubnet("s6", "2001:db8::/64", 6, "2001:db8::1", ["2001:db8::53"], [], mode, mode)],
            [new DhcpHost("p1", "fa:16:3e:00:00:05", "2001:db8::5", "host-2001-db8--5")]);

        var config = DnsmasqConfig.Build(server, "ns-port", "/state", Options);

        config.Arguments.ShouldContain($"--dhcp-range=set:subnet-s6,2001:db8::,{dnsmasqMode},64,86400s");
        config.Arguments.ShouldContain("--enable-ra");
        config.HostsFile.ShouldBe(leased ? "fa:16:3e:00:00:05,host-2001-db8--5.openstacklocal,[2001:db8::5]\n" : string.Empty);
        config.OptionsFile.ShouldBe(mode == "slaac" ? string.Empty : "tag:subnet-s6,option6:dns-server,[2001:db8::53]\n");
    }

    [Theory]
    [InlineData(null, "static")]
    [InlineData("dhcpv6-stateful", "static")]
    [InlineData("dhcpv6-stateless", "static")]
    [InlineData("slaac", null)]
    public void Dnsmasq_Ipv6SubnetWithoutRaMode_DhcpAsNeutronsAgent_NoAdvertisements(string? addressMode, string? dnsmasqMode)
    {
        var server = new DhcpServerState("net", "port", "fa:16:3e:00:00:01", ["2001:db8::2/64"], 1500,
            [new DhcpSubnet("s6", "2001:db8::/64", 6, "2001:db8::1", [], [], null, addressMode), new DhcpSubnet("wide", "2001:db8:1::/56", 6, null, [], [], null, null)],
            []);

        var config = DnsmasqConfig.Build(server, "ns-port", "/state", Options);

        config.Arguments.Where(a => a.StartsWith("--dhcp-range=", StringComparison.Ordinal)).ShouldBe(
            dnsmasqMode is null ? [] : [$"--dhcp-range=set:subnet-s6,2001:db8::,{dnsmasqMode},64,86400s"]);
        config.Arguments.ShouldNotContain("--enable-ra");
    }

    [Fact]
    public void SecurityGroups_PortRulesRemotePrefixesAntiSpoofingAndNoChainsWithoutPortSecurity()
    {
        PortState[] ports =
        [
            new("abcdefghijk-1", "net", "FA:16:3E:00:00:05", ["10.1.0.5"], true, ["10.1.0.128/25"],
            [
                new("ingress", "IPv4", "tcp", 22, 22, ["192.0.2.0/24"]),
                new("ingress", "IPv4", "icmp", 8, null, []),
                new("ingress", "IPv4", "udp", 1000, 2000, []),
                new("egress", "IPv4", null, null, null, []),
                new("ingress", "IPv6", "tcp", 80, 80, []),
            ]),
            new("zzzzzzzzzzz-2", "net", "fa:16:3e:00:00:06", ["10.1.0.6"], false, [], []),
        ];

        var (chains, text) = SecurityGroupRules.Build(ports, 4);

        chains.ShouldBe(["fcl-FORWARD", "fcl-iabcdefghijk", "fcl-oabcdefghijk", "fcl-sabcdefghijk"]);
        text.ShouldContain("-A fcl-FORWARD -m physdev --physdev-out tapabcdefghijk --physdev-is-bridged -m comment --comment fcl-port:abcdefghijk-1 -j fcl-iabcdefghijk\n");
        text.ShouldContain("-A fcl-iabcdefghijk -m conntrack --ctstate RELATED,ESTABLISHED -j RETURN\n");
        text.ShouldContain("-A fcl-iabcdefghijk -s 192.0.2.0/24 -p tcp -m tcp --dport 22 -j RETURN\n");
        text.ShouldContain("-A fcl-iabcdefghijk -p icmp -m icmp --icmp-type 8 -j RETURN\n");
        text.ShouldContain("-A fcl-iabcdefghijk -p udp -m udp --dport 1000:2000 -j RETURN\n");
        text.ShouldContain("-A fcl-oabcdefghijk -j RETURN\n");
        text.ShouldContain("-A fcl-sabcdefghijk -s 10.1.0.5 -m mac --mac-source fa:16:3e:00:00:05 -j RETURN\n");
        text.ShouldContain("-A fcl-sabcdefghijk -s 10.1.0.128/25 -m mac --mac-source fa:16:3e:00:00:05 -j RETURN\n");
        text.ShouldNotContain("--dport 80", Case.Sensitive, "an IPv6 rule is not an iptables rule");
        text.ShouldNotContain("tapzzzzzzzzzzz", Case.Sensitive, "port security off: no filtering");

        var (_, v6) = SecurityGroupRules.Build(ports, 6);
        v6.ShouldContain("-A fcl-iabcdefghijk -p tcp -m tcp --dport 80 -j RETURN\n");
        v6.ShouldContain("-A fcl-sabcdefghijk -s fe80::/64 -m mac --mac-source fa:16:3e:00:00:05 -j RETURN\n");
    }

    [Fact]
    public void RouterNat_FloatingIpPairsThenSnatOfInternalSubnets()
    {
        var router = new RouterState("r",
            new RouterGatewayState("ext", "gw", "fa:16:3e:00:00:09", ["172.24.4.10/24"], "172.24.4.1", true),
            [new RouterInterfaceState("net", "if", "fa:16:3e:00:00:0a", ["10.1.0.1/24"])],
            [],
            [new FloatingIpState("f", "172.24.4.20", "10.1.0.5")]);

        var text = RouterNatRules.Build(router, "qg-gw");

        text.ShouldContain("-A PREROUTING -d 172.24.4.20/32 -j DNAT --to-destination 10.1.0.5\n");
        text.ShouldContain("-A POSTROUTING -s 10.1.0.5/32 -o qg-gw -j SNAT --to-source 172.24.4.20\n");
        text.ShouldContain("-A POSTROUTING -s 10.1.0.0/24 -o qg-gw -m conntrack ! --ctstate DNAT -j SNAT --to-source 172.24.4.10\n");
        RouterNatRules.Build(router with { Gateway = router.Gateway! with { EnableSnat = false } }, "qg-gw").ShouldNotContain("--to-source 172.24.4.10");
    }
}
