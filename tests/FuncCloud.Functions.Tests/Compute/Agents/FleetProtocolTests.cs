using System.Globalization;
using System.Net;
using FuncCloud.Agent.Fleet;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Shared.Compute.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Agents;

/// <summary>
/// 300 Fake nodes served by one fleet: one bulk registration, one heartbeat call every 2 s, one queue. The down time is
/// 30 s (not the compute fixture's 6 s): on a machine shared by several test suites one beat of 300 nodes can take seconds.
/// </summary>
public sealed class FleetFixture : ComputeHostFixture
{
    public const string FleetName = "testfleet";

    public static readonly TimeSpan DownAfter = TimeSpan.FromSeconds(30);

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Compute:Nodes:DownAfter"] = "00:00:30";
            return settings;
        }
    }

    public override IReadOnlyList<string> Nodes { get; } = [.. Enumerable.Range(1, 300).Select(i => string.Create(CultureInfo.InvariantCulture, $"fleet-node-{i:D3}"))];

    protected override IDictionary<string, string?> AgentSettings => new Dictionary<string, string?>
    {
        ["FuncCloud:Agent:Fleet"] = FleetName,
        ["FuncCloud:Agent:HeartbeatInterval"] = "00:00:02",
    };

    public FleetAgent Fleet => AgentServices!.GetRequiredService<FleetAgent>();
}

/// <summary>The fleet protocol end to end against the LocalHost: registration, liveness, command routing, one node dying.</summary>
public sealed class FleetProtocolTests(FleetFixture host) : IClassFixture<FleetFixture>
{
    [Fact]
    public async Task Register_300NodesInBulk_EveryNodeKnownWithItsFleet()
    {
        var nodes = await host.Services.GetRequiredService<ComputeNodeRepository>().ListAsync(CancellationToken.None);
        var fleetNodes = nodes.Where(n => n.Name.StartsWith("fleet-node-", StringComparison.Ordinal)).ToList();
        fleetNodes.Count.ShouldBe(300);
        fleetNodes.ShouldAllBe(n => n.Fleet == FleetFixture.FleetName && n.Resources.VcpusTotal == 16);
        fleetNodes.Select(n => n.Id).Distinct().Count().ShouldBe(300);
    }

    [Fact]
    public async Task Heartbeat_OneBatchForAllNodes_KeepsAllAlivePastTheDownTime()
    {
        var repository = host.Services.GetRequiredService<ComputeNodeRepository>();
        var down = FleetFixture.DownAfter;

        // Wait until more than the down time has passed since registration and the fleet beat meanwhile: only its beats
        // can keep the nodes up then.
        var first = host.Fleet.Heartbeat!.Beats;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        await Poll.UntilAsync(() => Task.FromResult(waited.Elapsed > down + TimeSpan.FromSeconds(5) && host.Fleet.Heartbeat!.Beats >= first + 3),
            $"the down time to pass with fleet heartbeats (failed calls: {host.Fleet.Heartbeat!.Failures})", TimeSpan.FromMinutes(4));

        var nodes = await repository.ListAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        nodes.Where(n => n.Name.StartsWith("fleet-node-", StringComparison.Ordinal) && n.Name != SilencedNode)
            .Where(n => !n.IsUp(now, down)).Select(n => n.Name).ShouldBeEmpty();
    }

    [Fact]
    public async Task Boot_CommandsOnTheFleetQueue_ReachTheNodeTheSchedulerChoseOnly()
    {
        var demo = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var admin = await ComputeApi.LoginAsync(host, host.AdminEnvironment);
        foreach (var name in new[] { "fleet-vm-1", "fleet-vm-2", "fleet-vm-3" })
        {
            var id = await demo.BootAsync(name);
            (await demo.WaitSettledAsync(id, TimeSpan.FromMinutes(3))).GetProperty("status").GetString().ShouldBe("ACTIVE");

            var chosen = (await admin.ShowAsync(id))!.Value.GetProperty("OS-EXT-SRV-ATTR:host").GetString()!;
            chosen.ShouldStartWith("fleet-node-");
            var holders = new List<string>();
            foreach (var node in host.Nodes)
            {
                if ((await host.Drivers.Get(node).ListInstancesAsync(CancellationToken.None)).Contains(id))
                {
                    holders.Add(node);
                }
            }

            holders.ShouldBe([chosen]);
        }
    }

    [Fact]
    public async Task Silence_OneNodeOfTheFleetDies_SeenDownWhileTheOthersStayUp()
    {
        var repository = host.Services.GetRequiredService<ComputeNodeRepository>();
        var down = FleetFixture.DownAfter;
        host.Fleet.Silence(SilencedNode);

        await Poll.UntilAsync(async () => (await repository.GetAsync(SilencedNode, CancellationToken.None))?.IsUp(DateTimeOffset.UtcNow, down) == false,
            "the silenced node to be seen down", TimeSpan.FromMinutes(2));

        // Its neighbours, beating in the same calls, stay up.
        var before = host.Fleet.Heartbeat!.Beats;
        await Poll.UntilAsync(() => Task.FromResult(host.Fleet.Heartbeat!.Beats >= before + 2), "two more fleet heartbeats", TimeSpan.FromMinutes(4));
        var now = DateTimeOffset.UtcNow;
        var nodes = await repository.ListAsync(CancellationToken.None);
        nodes.Where(n => n.Name.StartsWith("fleet-node-", StringComparison.Ordinal) && !n.IsUp(now, down)).Select(n => n.Name).ShouldBe([SilencedNode]);
    }

    [Fact]
    public async Task FleetRoutes_NotAnAgent_403AndBadBodies_400()
    {
        var demo = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        using var refused = await demo.SendAsync(HttpMethod.Post, $"/compute/v2.1/os-funccloud-fleets/{FleetFixture.FleetName}/heartbeat",
            """{"sentAt":"2026-12-02T00:00:00Z","alive":["fleet-node-001"],"changed":[]}""");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var admin = await ComputeApi.LoginAsync(host, host.AdminEnvironment);
        using var empty = await admin.SendAsync(HttpMethod.Post, $"/compute/v2.1/os-funccloud-fleets/{FleetFixture.FleetName}/heartbeat",
            """{"sentAt":"2026-12-02T00:00:00Z","alive":[],"changed":[]}""");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("badRequest");

        using var badName = await admin.SendAsync(HttpMethod.Put, "/compute/v2.1/os-funccloud-fleets/Bad_Fleet/nodes", """{"nodes":[]}""");
        badName.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // An unknown node in a heartbeat is named back (the fleet registers it again), and not made alive.
        using var unknown = await admin.SendAsync(HttpMethod.Post, $"/compute/v2.1/os-funccloud-fleets/{FleetFixture.FleetName}/heartbeat",
            """{"sentAt":"2026-12-02T00:00:00Z","alive":["never-registered"],"changed":[]}""");
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("never-registered");
    }

    // Silenced by one test; the others leave it out.
    private const string SilencedNode = "fleet-node-300";
}
