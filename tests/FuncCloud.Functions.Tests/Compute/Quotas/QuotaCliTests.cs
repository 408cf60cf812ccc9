using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Quotas;

/// <summary><c>openstack quota ...</c> and <c>limits show</c> against the LocalHost (no network or volume service in the catalog).</summary>
public sealed class QuotaCliTests(ComputeCliFixture host) : IClassFixture<ComputeCliFixture>
{
    [Fact]
    public async Task QuotaShow_Admin_PrintsComputeDefaults()
    {
        var quota = await host.AdminAsync("quota", "show", "-f", "json").JsonAsync();

        quota.GetProperty("instances").GetInt32().ShouldBe(10);
        quota.GetProperty("cores").GetInt32().ShouldBe(20);
        quota.GetProperty("ram").GetInt32().ShouldBe(51200);
        quota.GetProperty("key-pairs").GetInt32().ShouldBe(100);
    }

    [Fact]
    public async Task QuotaSet_Instances_ShowsNewLimitForThatProjectOnly()
    {
        (await host.AdminAsync("quota", "set", "--instances", "7", "--cores", "9", "demo")).ExitCode.ShouldBe(0);

        var demo = await host.AdminAsync("quota", "show", "demo", "-f", "json").JsonAsync();
        demo.GetProperty("instances").GetInt32().ShouldBe(7);
        demo.GetProperty("cores").GetInt32().ShouldBe(9);
        var admin = await host.AdminAsync("quota", "show", "admin", "-f", "json").JsonAsync();
        admin.GetProperty("instances").GetInt32().ShouldBe(10);

        var limits = await host.DemoAsync("limits", "show", "--absolute", "-f", "json").JsonAsync();
        var byName = limits.EnumerateArray().ToDictionary(l => l.GetProperty("Name").GetString()!, l => l.GetProperty("Value").GetInt32());
        byName["maxTotalInstances"].ShouldBe(7);
        byName["maxTotalCores"].ShouldBe(9);
        byName["totalInstancesUsed"].ShouldBe(0);
    }

    [Fact]
    public async Task QuotaSet_DemoMember_IsForbidden()
    {
        var result = await host.DemoAsync("quota", "set", "--instances", "100", "demo");

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("403");
    }
}
