using System.Text.Json;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Network;

/// <summary>The host of the networking CLI tests, with the devstack-like networks bootstrapped.</summary>
public sealed class NetworkCliFixture : NetworkHostFixture
{
    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Bootstrap:Network:Enabled"] = "true";
            return settings;
        }
    }
}

/// <summary>The "Done when" flow (network side) through Debian's <c>openstack</c> CLI as the demo user.</summary>
public sealed class NetworkCliTests(NetworkCliFixture host) : IClassFixture<NetworkCliFixture>
{
    private Task<CliResult> DemoAsync(params string[] args) => OpenStackCli.RunAsync(host.DemoEnvironment, args);

    private Task<CliResult> AdminAsync(params string[] args) => OpenStackCli.RunAsync(host.AdminEnvironment, args);

    private static async Task<JsonElement> JsonAsync(Task<CliResult> run)
    {
        var result = await run;
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Json;
    }

    private static async Task OkAsync(Task<CliResult> run)
    {
        var result = await run;
        result.ExitCode.ShouldBe(0, result.ToString());
    }

    [Fact]
    public async Task DoneWhenFlow_AsDemo_CreatesWiresAndDeletesEverything()
    {
        var networks = await JsonAsync(DemoAsync("network", "list", "-f", "json"));
        networks.EnumerateArray().Select(n => n.GetProperty("Name").GetString()).ShouldContain("public");
        networks.EnumerateArray().Select(n => n.GetProperty("Name").GetString()).ShouldContain("private");

        var n1 = await JsonAsync(DemoAsync("network", "create", "n1", "-f", "json"));
        n1.GetProperty("mtu").GetInt32().ShouldBe(1450);
        var s1 = await JsonAsync(DemoAsync("subnet", "create", "--network", "n1", "--subnet-range", "10.1.0.0/24", "s1", "-f", "json"));
        s1.GetProperty("gateway_ip").GetString().ShouldBe("10.1.0.1");
        await OkAsync(DemoAsync("router", "create", "r1", "-f", "json"));
        await OkAsync(DemoAsync("router", "set", "--external-gateway", "public", "r1"));
        await OkAsync(DemoAsync("router", "add", "subnet", "r1", "s1"));
        var r1 = await JsonAsync(DemoAsync("router", "show", "r1", "-f", "json"));
        r1.GetProperty("external_gateway_info").ToString().ShouldContain("172.24.4.");

        await OkAsync(DemoAsync("security", "group", "create", "sg1", "-f", "json"));
        await OkAsync(DemoAsync("security", "group", "rule", "create", "--protocol", "tcp", "--dst-port", "22", "sg1", "-f", "json"));
        var duplicate = await DemoAsync("security", "group", "rule", "create", "--protocol", "tcp", "--dst-port", "22", "sg1");
        duplicate.ExitCode.ShouldNotBe(0);
        duplicate.StandardError.ShouldContain("already exists");

        var p1 = await JsonAsync(DemoAsync("port", "create", "--network", "n1", "--security-group", "sg1", "p1", "-f", "json"));
        var portIp = p1.GetProperty("fixed_ips").ToString();
        portIp.ShouldContain("10.1.0.");

        var fip = await JsonAsync(DemoAsync("floating", "ip", "create", "public", "-f", "json"));
        var address = fip.GetProperty("floating_ip_address").GetString()!;
        await OkAsync(DemoAsync("floating", "ip", "set", "--port", "p1", address));
        var associated = await JsonAsync(DemoAsync("floating", "ip", "show", address, "-f", "json"));
        associated.GetProperty("status").GetString().ShouldBe("ACTIVE");
        associated.GetProperty("port_id").GetString().ShouldBe(p1.GetProperty("id").GetString());
        await OkAsync(DemoAsync("floating", "ip", "unset", "--port", address));
        await OkAsync(DemoAsync("floating", "ip", "delete", address));

        await OkAsync(DemoAsync("port", "delete", "p1"));
        await OkAsync(DemoAsync("security", "group", "delete", "sg1"));
        await OkAsync(DemoAsync("router", "remove", "subnet", "r1", "s1"));
        await OkAsync(DemoAsync("router", "unset", "--external-gateway", "r1"));
        await OkAsync(DemoAsync("router", "delete", "r1"));
        await OkAsync(DemoAsync("subnet", "delete", "s1"));
        await OkAsync(DemoAsync("network", "delete", "n1"));
        (await JsonAsync(DemoAsync("network", "list", "-f", "json"))).EnumerateArray().Select(n => n.GetProperty("Name").GetString()).ShouldNotContain("n1");
    }

    [Fact]
    public async Task AdminNetwork_InvisibleToDemoUntilRbacShared()
    {
        await OkAsync(AdminAsync("network", "create", "admin-only", "-f", "json"));
        (await JsonAsync(DemoAsync("network", "list", "-f", "json"))).EnumerateArray().Select(n => n.GetProperty("Name").GetString()).ShouldNotContain("admin-only");
        (await DemoAsync("network", "show", "admin-only")).ExitCode.ShouldNotBe(0);

        await OkAsync(AdminAsync("network", "rbac", "create", "--type", "network", "--action", "access_as_shared", "--target-project", "demo", "admin-only", "-f", "json"));
        (await JsonAsync(DemoAsync("network", "show", "admin-only", "-f", "json"))).GetProperty("name").GetString().ShouldBe("admin-only");
    }

    [Fact]
    public async Task SubnetFromDefaultPool_AndExtensions_Listed()
    {
        await OkAsync(DemoAsync("network", "create", "pooled", "-f", "json"));
        var subnet = await JsonAsync(DemoAsync("subnet", "create", "--network", "pooled", "--use-default-subnet-pool", "pooled-subnet", "-f", "json"));
        subnet.GetProperty("cidr").GetString()!.ShouldStartWith("10.100.");
        var extensions = await JsonAsync(DemoAsync("extension", "list", "--network", "-f", "json"));
        extensions.EnumerateArray().Select(e => e.GetProperty("Alias").GetString()).ShouldContain("router");
    }

    [Fact]
    public async Task SlaacSubnet_PortsGetEui64_NamedAddressRefused_DeleteTakesAddressesAway()
    {
        await OkAsync(DemoAsync("network", "create", "v6net", "-f", "json"));
        await OkAsync(DemoAsync("subnet", "create", "--network", "v6net", "--subnet-range", "10.6.0.0/24", "v6net-v4", "-f", "json"));
        var early = await JsonAsync(DemoAsync("port", "create", "--network", "v6net", "--mac-address", "fa:16:3e:00:00:01", "early", "-f", "json"));
        early.GetProperty("fixed_ips").ToString().ShouldContain("10.6.0.");

        var refused = await DemoAsync("subnet", "create", "--network", "v6net", "--ip-version", "6", "--ipv6-address-mode", "slaac", "--ipv6-ra-mode", "slaac", "--subnet-range", "2001:db8:6::/63", "wide");
        refused.ExitCode.ShouldNotBe(0);
        refused.StandardError.ShouldContain("requires the prefix to be /64");

        var slaac = await JsonAsync(DemoAsync("subnet", "create", "--network", "v6net", "--ip-version", "6", "--ipv6-address-mode", "slaac", "--ipv6-ra-mode", "slaac", "--subnet-range", "2001:db8:6::/64", "v6net-slaac", "-f", "json"));
        slaac.GetProperty("ipv6_address_mode").GetString().ShouldBe("slaac");

        // The port made before the subnet got its EUI-64 address there (neutron's add_auto_addrs_on_network_ports).
        (await JsonAsync(DemoAsync("port", "show", "early", "-f", "json"))).GetProperty("fixed_ips").ToString().ShouldContain("2001:db8:6:0:f816:3eff:fe00:1");

        var port = await JsonAsync(DemoAsync("port", "create", "--network", "v6net", "--mac-address", "fa:16:3e:11:22:33", "p6", "-f", "json"));
        var ips = port.GetProperty("fixed_ips").ToString();
        ips.ShouldContain("2001:db8:6:0:f816:3eff:fe11:2233");
        ips.ShouldContain("10.6.0.");

        var named = await DemoAsync("port", "create", "--network", "v6net", "--fixed-ip", "subnet=v6net-slaac,ip-address=2001:db8:6::5", "named");
        named.ExitCode.ShouldNotBe(0);
        named.StandardError.ShouldContain("cannot be directly assigned to a port on subnet");
        var own = await JsonAsync(DemoAsync("port", "create", "--network", "v6net", "--mac-address", "fa:16:3e:44:55:66", "--fixed-ip", "ip-address=2001:db8:6:0:f816:3eff:fe44:5566", "own", "-f", "json"));
        own.GetProperty("fixed_ips").ToString().ShouldContain("2001:db8:6:0:f816:3eff:fe44:5566");

        // A new MAC means a new EUI-64 (MAC changes are admin-only, as neutron's policy).
        await OkAsync(AdminAsync("port", "set", "--mac-address", "fa:16:3e:77:88:99", port.GetProperty("id").GetString()!));
        var moved = (await JsonAsync(DemoAsync("port", "show", "p6", "-f", "json"))).GetProperty("fixed_ips").ToString();
        moved.ShouldContain("2001:db8:6:0:f816:3eff:fe77:8899");
        moved.ShouldNotContain("fe11:2233");

        await OkAsync(DemoAsync("subnet", "delete", "v6net-slaac"));
        (await JsonAsync(DemoAsync("port", "show", "p6", "-f", "json"))).GetProperty("fixed_ips").ToString().ShouldNotContain("2001:db8:6:");
        var inUse = await DemoAsync("network", "delete", "v6net");
        inUse.ExitCode.ShouldNotBe(0);
        inUse.StandardError.ShouldContain("There are one or more ports still in use on the network");

        await OkAsync(DemoAsync("port", "delete", "p6", "early", "own"));
        await OkAsync(DemoAsync("subnet", "delete", "v6net-v4"));
        await OkAsync(DemoAsync("network", "delete", "v6net"));
    }
}
