using FuncCloud.Shared.Compute.Placement;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Servers;

/// <summary>Four Fake nodes with room for ten m1.tiny (512 MB) each: 40 in all.</summary>
public sealed class CrowdedNodesFixture : ComputeHostFixture
{
    public override IReadOnlyList<string> Nodes => ["crowd-a", "crowd-b", "crowd-c", "crowd-d"];

    public override (int Vcpus, int MemoryMb, int DiskGb) NodeCapacity => (64, 5120, 500);

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Compute:Quotas:Instances"] = "100";
            settings["FuncCloud:Compute:Quotas:Cores"] = "1000";
            settings["FuncCloud:Compute:Quotas:Ram"] = "1000000";
            settings["FuncCloud:Compute:AgentTimeoutSeconds"] = "120";
            return settings;
        }
    }
}

/// <summary>Concurrent boots never over-commit a node: the ETag claim lets exactly the room in.</summary>
public sealed class ConcurrentBootTests(CrowdedNodesFixture host) : IClassFixture<CrowdedNodesFixture>
{
    [Fact]
    public async Task Boot_FiftyConcurrentOntoRoomForForty_FortyActiveTenErrorNoHostOverCapacity()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);

        var ids = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => api.BootAsync($"crowd-{i}")));
        var settled = await Task.WhenAll(ids.Select(id => api.WaitSettledAsync(id, TimeSpan.FromMinutes(5))));

        settled.Count(s => s.GetProperty("status").GetString() == "ACTIVE").ShouldBe(40);
        var errors = settled.Where(s => s.GetProperty("status").GetString() == "ERROR").ToList();
        errors.Count.ShouldBe(10);
        foreach (var error in errors)
        {
            var message = error.GetProperty("fault").GetProperty("message").GetString()!;
            message.ShouldStartWith("No valid host was found.");
            message.ShouldContain("RamFilter: needs 512 MB, best host has 0 MB free");
        }

        var placement = host.Services.GetRequiredService<PlacementService>();
        foreach (var node in host.Nodes)
        {
            (await placement.GetUsageAsync(node, CancellationToken.None)).Used.MemoryMb.ShouldBeLessThanOrEqualTo(5120);
            (await host.Drivers.Get(node).ListInstancesAsync(CancellationToken.None)).Count.ShouldBe(10);
        }
    }
}
