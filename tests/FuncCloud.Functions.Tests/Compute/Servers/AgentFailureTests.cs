using FuncCloud.Shared.Compute.Placement;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Servers;

/// <summary>One Fake node whose spawns take 3 s, so an agent can be killed in the middle of one.</summary>
public sealed class SlowNodeFixture : ComputeHostFixture
{
    public override IReadOnlyList<string> Nodes => ["slow"];

    // The test stops the agent and waits for the node to be declared down.
    protected override string NodeDownAfter => "00:00:06";

    protected override IDictionary<string, string?> AgentSettings => new Dictionary<string, string?>
    {
        ["FuncCloud:Agent:Fake:Operations:Spawn:Latency"] = "00:00:03",
    };
}

/// <summary>What happens to boots when the node's agent dies.</summary>
public sealed class AgentFailureTests(SlowNodeFixture host) : IClassFixture<SlowNodeFixture>
{
    [Fact]
    public async Task Boot_AgentKilledMidSpawnThenNodeDown_RedeliveredToActiveThenErrorNamingTheDownNode()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);

        // 1. Killed in the middle of a spawn: the command comes back after its lease, the journal recovers it.
        var id = await api.BootAsync("interrupted");
        await Poll.UntilAsync(async () => (await api.ShowAsync(id))?.GetProperty("OS-EXT-STS:task_state").GetString() == "spawning", "the spawn to start", TimeSpan.FromSeconds(60));
        await Task.Delay(1000);
        await host.StopAgentAsync(TimeSpan.FromMilliseconds(200));
        await host.StartAgentAsync();
        var recovered = await api.WaitSettledAsync(id, TimeSpan.FromMinutes(2));
        recovered.GetProperty("status").GetString().ShouldBe("ACTIVE");
        (await host.Drivers.Get("slow").ListInstancesAsync(CancellationToken.None)).ShouldBe([id]);

        // 2. The agent is gone for good: the node goes down and a boot ends in ERROR saying why.
        await host.StopAgentAsync();
        await Task.Delay(TimeSpan.FromSeconds(8));
        var orphan = await api.BootAsync("no-agent");
        var failed = await api.WaitSettledAsync(orphan, TimeSpan.FromMinutes(1));
        failed.GetProperty("status").GetString().ShouldBe("ERROR");
        var fault = failed.GetProperty("fault").GetProperty("message").GetString()!;
        fault.ShouldContain("ComputeFilter");
        fault.ShouldContain("slow is down");
        var usage = await host.Services.GetRequiredService<PlacementService>().GetUsageAsync("slow", CancellationToken.None);
        usage.Allocations.Keys.ShouldBe([id]);
        await host.StartAgentAsync();
    }
}
