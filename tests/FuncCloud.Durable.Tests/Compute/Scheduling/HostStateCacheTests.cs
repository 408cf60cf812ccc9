using Azure.Data.Tables;
using FuncCloud.Durable.Compute.Scheduling;
using FuncCloud.Durable.Compute.Scheduling.Filters;
using FuncCloud.Durable.Compute.Scheduling.Weighers;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Compute.Aggregates;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Nodes;
using FuncCloud.Shared.Compute.Placement;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Storage;
using FuncCloud.Testing;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace FuncCloud.Durable.Tests.Compute.Scheduling;

/// <summary>
/// The scheduler's host state cache against Azurite: incremental refreshes see new nodes, claims, beats and
/// aggregate changes; a node whose beats stop goes down after the timeout; two replicas with their own caches
/// and many concurrent boots never over-commit (the claim CAS stays the truth).
/// </summary>
public sealed class HostStateCacheTests : IAsyncLifetime
{
    private static readonly TimeSpan DownAfter = TimeSpan.FromSeconds(100);
    private readonly ManualTime _time = new();
    private TableServiceClient _tables = null!;
    private StorageNames _names = null!;
    private ComputeNodeRepository _nodes = null!;
    private PlacementService _placement = null!;
    private AggregateStore _aggregates = null!;

    public async Task InitializeAsync()
    {
        _tables = new TableServiceClient((await AzuriteServer.GetAsync()).ConnectionString);
        _names = new StorageNames("hsc" + Guid.NewGuid().ToString("N")[..10]);
        _nodes = new ComputeNodeRepository(_tables, _names);
        _placement = new PlacementService(_tables, _names);
        _aggregates = new AggregateStore(new ComputeApiTable(_tables, _names));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetAsync_AfterNodesClaimsAndAggregatesChange_SeesEveryChange()
    {
        var source = Source();
        await RegisterAsync("n1");
        (await source.GetAsync(CancellationToken.None)).Select(h => h.Name).ShouldBe(["n1"]);

        await RegisterAsync("n2");
        await _placement.ClaimAsync("n1", Hosts.Placement.InventoryOf(Resources), "s1", new ResourceAmounts(2, 1024, 10), CancellationToken.None);
        await _aggregates.CreateAsync(id => new Aggregate(id, Guid.NewGuid().ToString(), "ssd", ["n2"], new Dictionary<string, string> { ["ssd"] = "true" }, _time.GetUtcNow(), null), CancellationToken.None);
        var hosts = await source.GetAsync(CancellationToken.None);

        hosts.Select(h => h.Name).ShouldBe(["n1", "n2"]);
        hosts[0].Used.ShouldBe(new ResourceAmounts(2, 1024, 10));
        hosts[0].Servers.ShouldBe(["s1"]);
        hosts[1].AggregateMetadata["ssd"].ShouldBe(["true"]);

        await _placement.ReleaseAsync("n1", "s1", CancellationToken.None);
        await _nodes.UpdateAsync("n2", n => n with { Enabled = false }, CancellationToken.None);
        hosts = await source.GetAsync(CancellationToken.None);
        hosts[0].Used.ShouldBe(ResourceAmounts.Zero);
        hosts[1].Node.Enabled.ShouldBeFalse();
    }

    [Fact]
    public async Task GetAsync_BeatsStop_NodeDownAfterTimeoutAndUpAgainOnNextBeat()
    {
        var source = Source();
        await RegisterAsync("n1");
        (await source.GetAsync(CancellationToken.None)).Single().IsUp.ShouldBeTrue();

        _time.Advance(TimeSpan.FromSeconds(60));
        await _nodes.BeatAsync("n1", _time.GetUtcNow(), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(60));
        (await source.GetAsync(CancellationToken.None)).Single().IsUp.ShouldBeTrue("the beat 60 s ago keeps it up though its row is 120 s old");

        _time.Advance(DownAfter);
        var down = (await source.GetAsync(CancellationToken.None)).Single();
        down.IsUp.ShouldBeFalse();
        new ComputeFilter().Reject(down, Hosts.Spec()).ShouldBe("n1 is down (last heartbeat 160 s ago)");
        (await _nodes.GetAsync("n1", CancellationToken.None))!.IsUp(_time.GetUtcNow(), DownAfter).ShouldBeFalse();

        await _nodes.BeatAsync("n1", _time.GetUtcNow(), CancellationToken.None);
        (await source.GetAsync(CancellationToken.None)).Single().IsUp.ShouldBeTrue();
        (await _nodes.GetAsync("n1", CancellationToken.None))!.LastHeartbeatAt.ShouldBe(_time.GetUtcNow(), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task BeatAsync_ManyNodesConcurrently_EveryBeatRecorded()
    {
        var names = Enumerable.Range(0, 200).Select(i => $"b{i}").ToList();
        var at = _time.GetUtcNow();
        await Task.WhenAll(names.Select(n => _nodes.BeatAsync(n, at, CancellationToken.None)));

        var (beats, _) = await _nodes.Liveness.ListChangedAsync(null, CancellationToken.None);
        beats.Keys.ShouldBe(names, ignoreOrder: true);
        beats.Values.ShouldAllBe(b => Math.Abs((b - at).TotalMilliseconds) < 1);
    }

    [Fact]
    public async Task PlaceAsync_TwoReplicasFortyConcurrentBoots_FillTheRoomExactlyNeverOverCommit()
    {
        // Three nodes with room for 4.5 GiB each ((3584 - 512 reserved) × 1.5): 12 boots of 1 GiB fit, 28 must fail.
        foreach (var name in new[] { "c1", "c2", "c3" })
        {
            await RegisterAsync(name, new HostResources(64, 0, 3584, 0, 1000, 0));
        }

        var replicas = new[] { Placer(), Placer() };
        foreach (var replica in replicas)
        {
            (await replica.PlaceAsync(Spec("warm-up-" + Guid.NewGuid()), CancellationToken.None)).Node.ShouldNotBeNull();
        }

        await Task.WhenAll(new[] { "c1", "c2", "c3" }.Select(async n =>
        {
            foreach (var consumer in (await _placement.GetUsageAsync(n, CancellationToken.None)).Allocations.Keys)
            {
                await _placement.ReleaseAsync(n, consumer, CancellationToken.None);
            }
        }));

        var choices = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => replicas[i % 2].PlaceAsync(Spec($"s{i}"), CancellationToken.None)));

        choices.Count(c => c.Node is not null).ShouldBe(12, string.Join(" | ", choices.Select(c => c.Reason).Distinct()));
        foreach (var name in new[] { "c1", "c2", "c3" })
        {
            (await _placement.GetUsageAsync(name, CancellationToken.None)).Used.MemoryMb.ShouldBe(4096);
        }
    }

    private static readonly HostResources Resources = new(8, 0, 8192, 0, 100, 0);

    private static RequestSpec Spec(string server) =>
        new(server, "p", new ResourceAmounts(1, 1024, 1), null, new Dictionary<string, string>(), new Dictionary<string, string>(), ServerSchedulerHints.None, [], null);

    private Task RegisterAsync(string name, HostResources? resources = null) =>
        _nodes.UpsertAsync(name, _ => Hosts.Node(name) with { Resources = resources ?? Resources, RegisteredAt = _time.GetUtcNow(), LastHeartbeatAt = _time.GetUtcNow() }, CancellationToken.None);

    private HostStateSource Source() => new(
        _nodes,
        _placement,
        new AggregateHostMetadataSource(_aggregates),
        Options.Create(Hosts.Placement),
        Options.Create(new ComputeNodeOptions { DownAfter = DownAfter }),
        Options.Create(new SchedulerOptions()),
        _time);

    private ServerPlacer Placer()
    {
        var scheduler = new FilterScheduler(
            [new ComputeFilter(), new RamFilter(), new CoreFilter(), new DiskFilter()],
            [new RamWeigher(Options.Create(new SchedulerOptions()))]);
        return new ServerPlacer(Source(), scheduler, _placement, Options.Create(new SchedulerOptions { HostSubsetSize = 3 }));
    }

    /// <summary>A clock the test moves (the cache's liveness and full-refresh decisions read it).</summary>
    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
