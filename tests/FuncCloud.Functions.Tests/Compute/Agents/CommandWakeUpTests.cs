using System.Net;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.LocalHost.Hosting;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Agents;

/// <summary>
/// A node whose queue polling, and the host's results listener, sleep ten minutes between polls once idle:
/// commands and results can then only move within the test's bounds through the wake-ups (the agent's
/// command-signal long-poll and its results-posted call).
/// </summary>
public sealed class SleepyPollersFixture : ComputeHostFixture
{
    private const string QueuesSection = $"{HostJsonConfiguration.Section}:extensions:queues";

    public override IReadOnlyList<string> Nodes => ["sleepy"];

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings[$"{QueuesSection}:maxPollingInterval"] = "00:10:00";
            return settings;
        }
    }

    protected override IDictionary<string, string?> AgentSettings => new Dictionary<string, string?>
    {
        ["FuncCloud:Agent:MinPollInterval"] = "00:10:00",
        ["FuncCloud:Agent:MaxPollInterval"] = "00:10:00",
    };
}

/// <summary>Idle latency: the control plane wakes the agent, and the agent wakes the control plane.</summary>
public sealed class CommandWakeUpTests(SleepyPollersFixture host) : IClassFixture<SleepyPollersFixture>
{
    [Fact]
    public async Task Boots_PollersAsleepForTenMinutes_ActiveThroughWakeUpsOneAfterAnother()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);

        // Each boot is a spawn command to the node and a result back, every time after both pollers went idle.
        foreach (var name in new[] { "wake-1", "wake-2", "wake-3" })
        {
            var id = await api.BootAsync(name);
            var server = await api.WaitSettledAsync(id, TimeSpan.FromMinutes(3));
            server.GetProperty("status").GetString().ShouldBe("ACTIVE");
        }
    }

    [Fact]
    public async Task CommandSignal_NotAnAgent_403AndBadSince_400()
    {
        var demo = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        using var refused = await demo.SendAsync(HttpMethod.Get, "/compute/v2.1/os-funccloud-nodes/sleepy/command-signal?since=0&wait=0", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var admin = await ComputeApi.LoginAsync(host, host.AdminEnvironment);
        using var bad = await admin.SendAsync(HttpMethod.Get, "/compute/v2.1/os-funccloud-nodes/sleepy/command-signal?since=soon", null);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("badRequest");

        // A caller that saw an older sequence is answered at once with the current one.
        using var current = await admin.SendAsync(HttpMethod.Get, "/compute/v2.1/os-funccloud-nodes/sleepy/command-signal?since=-5&wait=25", null);
        current.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await current.Content.ReadAsStringAsync()).ShouldContain("\"sequence\"");
    }
}
