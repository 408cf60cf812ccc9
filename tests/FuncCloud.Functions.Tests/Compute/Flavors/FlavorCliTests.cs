using System.Text.Json;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Flavors;

/// <summary><c>openstack flavor ...</c> against the LocalHost.</summary>
public sealed class FlavorCliTests(ComputeCliFixture host) : IClassFixture<ComputeCliFixture>
{
    private Task<CliResult> AdminAsync(params string[] args) => host.AdminAsync(args);

    private static async Task<JsonElement> JsonAsync(Task<CliResult> run)
    {
        var result = await run;
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Json;
    }

    [Fact]
    public async Task FlavorList_Bootstrapped_ShowsDevstackDefaults()
    {
        var flavors = await JsonAsync(AdminAsync("flavor", "list", "-f", "json"));

        var tiny = flavors.EnumerateArray().Single(f => f.GetProperty("Name").GetString() == "m1.tiny");
        tiny.GetProperty("ID").GetString().ShouldBe("1");
        tiny.GetProperty("RAM").GetInt32().ShouldBe(512);
        tiny.GetProperty("Disk").GetInt32().ShouldBe(1);
        tiny.GetProperty("VCPUs").GetInt32().ShouldBe(1);
        flavors.EnumerateArray().Select(f => f.GetProperty("Name").GetString()).ShouldBe(["m1.tiny", "m1.small", "m1.medium", "m1.large", "m1.xlarge"], ignoreOrder: true);
    }

    [Fact]
    public async Task FlavorShow_ByName_ReturnsSizes()
    {
        var flavor = await JsonAsync(AdminAsync("flavor", "show", "m1.small", "-f", "json"));

        flavor.GetProperty("id").GetString().ShouldBe("2");
        flavor.GetProperty("ram").GetInt32().ShouldBe(2048);
        flavor.GetProperty("disk").GetInt32().ShouldBe(20);
    }

    [Fact]
    public async Task FlavorCreateSetShowDelete_Admin_RoundTrips()
    {
        var created = await JsonAsync(AdminAsync("flavor", "create", "--ram", "256", "--disk", "2", "--vcpus", "2", "--id", "cli-1", "--property", "hw:cpu_policy=shared", "cli.flavor", "-f", "json"));
        created.GetProperty("name").GetString().ShouldBe("cli.flavor");
        created.GetProperty("id").GetString().ShouldBe("cli-1");
        created.GetProperty("vcpus").GetInt32().ShouldBe(2);

        var shown = await JsonAsync(AdminAsync("flavor", "show", "cli.flavor", "-f", "json"));
        shown.GetProperty("properties").ToString().ShouldContain("hw:cpu_policy");

        var duplicate = await AdminAsync("flavor", "create", "--ram", "256", "--disk", "2", "--vcpus", "2", "cli.flavor");
        duplicate.ExitCode.ShouldNotBe(0);
        duplicate.StandardError.ShouldContain("409");

        (await AdminAsync("flavor", "delete", "cli.flavor")).ExitCode.ShouldBe(0);
        var gone = await AdminAsync("flavor", "show", "cli-1");
        gone.ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public async Task FlavorCreate_DemoMember_IsForbidden()
    {
        var result = await OpenStackCli.RunAsync(host.DemoEnvironment, "flavor", "create", "--ram", "64", "--disk", "1", "--vcpus", "1", "demo.flavor");

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("403");
    }

    [Fact]
    public async Task FlavorAccess_PrivateFlavor_VisibleOnlyToAddedProject()
    {
        await JsonAsync(AdminAsync("flavor", "create", "--ram", "128", "--disk", "1", "--vcpus", "1", "--private", "private.flavor", "-f", "json"));
        var before = await JsonAsync(OpenStackCli.RunAsync(host.DemoEnvironment, "flavor", "list", "-f", "json"));
        before.EnumerateArray().Select(f => f.GetProperty("Name").GetString()).ShouldNotContain("private.flavor");

        (await AdminAsync("flavor", "set", "--project", "demo", "private.flavor")).ExitCode.ShouldBe(0);

        var after = await JsonAsync(OpenStackCli.RunAsync(host.DemoEnvironment, "flavor", "list", "-f", "json"));
        after.EnumerateArray().Select(f => f.GetProperty("Name").GetString()).ShouldContain("private.flavor");
    }
}
