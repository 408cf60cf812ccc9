using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.AvailabilityZones;

/// <summary>Zones, hypervisors, services and aggregates over the seeded node.</summary>
public sealed class InfrastructureCliTests(ComputeCliFixture host) : IClassFixture<ComputeCliFixture>
{
    [Fact]
    public async Task AvailabilityZoneList_SeededNode_ShowsNovaAvailable()
    {
        var zones = await host.AdminAsync("availability", "zone", "list", "--compute", "-f", "json").JsonAsync();

        var nova = zones.EnumerateArray().First(z => z.GetProperty("Zone Name").GetString() == "nova");
        nova.GetProperty("Zone Status").GetString().ShouldBe("available");
    }

    [Fact]
    public async Task HypervisorList_SeededNode_ShowsIt()
    {
        var hypervisors = await host.AdminAsync("hypervisor", "list", "-f", "json").JsonAsync();

        var node = hypervisors.EnumerateArray().Single();
        node.GetProperty("Hypervisor Hostname").GetString().ShouldBe("node-1");
        node.GetProperty("State").GetString().ShouldBe("up");
        var shown = await host.AdminAsync("hypervisor", "show", "node-1", "-f", "json").JsonAsync();
        shown.GetProperty("vcpus").GetInt32().ShouldBe(16);
    }

    [Fact]
    public async Task HypervisorList_DemoMember_IsForbidden()
    {
        var result = await host.DemoAsync("hypervisor", "list");

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("403");
    }

    [Fact]
    public async Task ComputeServiceList_SeededNode_ShowsNovaCompute()
    {
        var services = await host.AdminAsync("compute", "service", "list", "-f", "json").JsonAsync();

        var service = services.EnumerateArray().Single();
        service.GetProperty("Binary").GetString().ShouldBe("nova-compute");
        service.GetProperty("Host").GetString().ShouldBe("node-1");
        service.GetProperty("Zone").GetString().ShouldBe("nova");
        service.GetProperty("Status").GetString().ShouldBe("enabled");
        service.GetProperty("State").GetString().ShouldBe("up");
    }

    [Fact]
    public async Task ComputeServiceSet_DisableThenEnable_ChangesStatus()
    {
        (await host.AdminAsync("compute", "service", "set", "--disable", "--disable-reason", "maintenance", "node-1", "nova-compute")).ExitCode.ShouldBe(0);
        var disabled = await host.AdminAsync("compute", "service", "list", "--long", "-f", "json").JsonAsync();
        disabled.EnumerateArray().Single().GetProperty("Status").GetString().ShouldBe("disabled");
        disabled.EnumerateArray().Single().GetProperty("Disabled Reason").GetString().ShouldBe("maintenance");

        (await host.AdminAsync("compute", "service", "set", "--enable", "node-1", "nova-compute")).ExitCode.ShouldBe(0);
        var enabled = await host.AdminAsync("compute", "service", "list", "-f", "json").JsonAsync();
        enabled.EnumerateArray().Single().GetProperty("Status").GetString().ShouldBe("enabled");
    }

    [Fact]
    public async Task Aggregate_CreateAddHostShow_PutsNodeInZone()
    {
        var created = await host.AdminAsync("aggregate", "create", "--zone", "az-1", "agg-1", "-f", "json").JsonAsync();
        created.GetProperty("name").GetString().ShouldBe("agg-1");

        (await host.AdminAsync("aggregate", "add", "host", "agg-1", "node-1", "-f", "json")).ExitCode.ShouldBe(0);
        var shown = await host.AdminAsync("aggregate", "show", "agg-1", "-f", "json").JsonAsync();
        shown.GetProperty("hosts").ToString().ShouldContain("node-1");
        shown.GetProperty("availability_zone").GetString().ShouldBe("az-1");

        var missing = await host.AdminAsync("aggregate", "add", "host", "agg-1", "no-such-node");
        missing.ExitCode.ShouldNotBe(0);
        missing.StandardError.ShouldContain("404");

        (await host.AdminAsync("aggregate", "remove", "host", "agg-1", "node-1")).ExitCode.ShouldBe(0);
        (await host.AdminAsync("aggregate", "delete", "agg-1")).ExitCode.ShouldBe(0);
    }
}
