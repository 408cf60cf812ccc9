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
}
