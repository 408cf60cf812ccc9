using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.ServerGroups;

/// <summary><c>openstack server group ...</c> against the LocalHost.</summary>
public sealed class ServerGroupCliTests(ComputeCliFixture host) : IClassFixture<ComputeCliFixture>
{
    [Fact]
    public async Task ServerGroupCreate_AntiAffinity_ListShowDelete()
    {
        var created = await host.DemoAsync("server", "group", "create", "--policy", "anti-affinity", "sg-1", "-f", "json").JsonAsync();
        created.GetProperty("name").GetString().ShouldBe("sg-1");
        created.ToString().ShouldContain("anti-affinity");

        var list = await host.DemoAsync("server", "group", "list", "-f", "json").JsonAsync();
        list.EnumerateArray().Select(g => g.GetProperty("Name").GetString()).ShouldContain("sg-1");
        var shown = await host.DemoAsync("server", "group", "show", "sg-1", "-f", "json").JsonAsync();
        shown.GetProperty("id").GetString().ShouldBe(created.GetProperty("id").GetString());

        (await host.DemoAsync("server", "group", "delete", "sg-1")).ExitCode.ShouldBe(0);
        var after = await host.DemoAsync("server", "group", "list", "-f", "json").JsonAsync();
        after.EnumerateArray().Select(g => g.GetProperty("Name").GetString()).ShouldNotContain("sg-1");
    }
}
