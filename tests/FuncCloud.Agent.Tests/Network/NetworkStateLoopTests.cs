using FuncCloud.Agent.Hosting;
using FuncCloud.Agent.Network;
using FuncCloud.Agent.Network.Fake;
using FuncCloud.Shared.Network.Agents;
using FuncCloud.Shared.Network.Wiring;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Network;

/// <summary>The network agent loop: fetch on start and on kicks, serialised applies, stale states skipped, failures retried.</summary>
public sealed class NetworkStateLoopTests
{
    private sealed class StubStateApi : INetworkStateApi
    {
        private long _revision;

        public Func<long, NetworkHostState>? Next { get; set; }

        public Exception? Fail { get; set; }

        public int Calls;

        public string? LastLocalIp;

        public Task<NetworkHostState> GetStateAsync(string node, string? localIp, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            LastLocalIp = localIp;
            if (Fail is { } failure)
            {
                return Task.FromException<NetworkHostState>(failure);
            }

            var revision = Interlocked.Increment(ref _revision) * 10;
            return Task.FromResult(Next?.Invoke(revision) ?? FakeNetworkDriverTests.SampleState(node, revision));
        }

        public List<IReadOnlyList<string>> Plugged { get; } = [];

        public Task ReportPluggedAsync(string node, PluggedPorts ports, CancellationToken cancellationToken)
        {
            lock (Plugged)
            {
                Plugged.Add(ports.Ports);
            }

            return Task.CompletedTask;
        }
    }

    private static AgentOptions Options() => new()
    {
        StateFolder = Path.GetTempPath(),
        LocalIp = "192.0.2.9",
        NetworkSyncInterval = TimeSpan.FromMinutes(10),
        MaxRetryBackoff = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task Run_StartAndKick_FetchesAndAppliesEachTime()
    {
        var api = new StubStateApi();
        var driver = new FakeNetworkDriver();
        var signal = new NetworkSyncSignal();
        var loop = new NetworkStateLoop("node-a", driver, api, signal, Options(), TimeProvider.System, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var running = loop.RunAsync(stop.Token);

        await Poll.UntilAsync(() => driver.ApplyCount == 1, "the first apply");
        api.LastLocalIp.ShouldBe("192.0.2.9");
        signal.Set();
        signal.Set(); // two kicks while idle collapse into one fetch
        await Poll.UntilAsync(() => driver.ApplyCount >= 2, "the kicked apply");
        loop.AppliedRevision.ShouldBeGreaterThanOrEqualTo(20);

        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task SyncOnce_PortsNotYetActive_ReportedPluggedAfterTheApply()
    {
        var api = new StubStateApi();
        var driver = new FakeNetworkDriver();
        var loop = new NetworkStateLoop("node-a", driver, api, new NetworkSyncSignal(), Options(), TimeProvider.System, NullLogger.Instance);
        var sample = FakeNetworkDriverTests.SampleState("node-a", 1);
        var port = sample.Ports[0];
        api.Next = r => sample with { Revision = r, Ports = [port, port with { PortId = "p-active", Active = true }] };

        await loop.SyncOnceAsync(CancellationToken.None);

        api.Plugged.ShouldHaveSingleItem().ShouldBe([port.PortId]);
        driver.Applied!.Ports.Count.ShouldBe(2);
    }

    [Fact]
    public async Task SyncOnce_DriverFails_NothingReportedPlugged()
    {
        var api = new StubStateApi();
        var driver = new FakeNetworkDriver { FailWith = "port p1: tap missing" };
        var loop = new NetworkStateLoop("node-a", driver, api, new NetworkSyncSignal(), Options(), TimeProvider.System, NullLogger.Instance);

        await Should.ThrowAsync<NetworkDriverException>(() => loop.SyncOnceAsync(CancellationToken.None));

        api.Plugged.ShouldBeEmpty();
    }

    [Fact]
    public async Task SyncOnce_OlderRevision_Skipped()
    {
        var api = new StubStateApi();
        var driver = new FakeNetworkDriver();
        var loop = new NetworkStateLoop("node-a", driver, api, new NetworkSyncSignal(), Options(), TimeProvider.System, NullLogger.Instance);
        await loop.SyncOnceAsync(CancellationToken.None);
        api.Next = _ => NetworkHostState.Empty("node-a") with { Revision = 1 };

        await loop.SyncOnceAsync(CancellationToken.None);

        driver.ApplyCount.ShouldBe(1);
        driver.Applied!.Ports.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Run_ControllerDown_RetriesUntilItAnswers()
    {
        var api = new StubStateApi { Fail = new HttpRequestException("connection refused") };
        var driver = new FakeNetworkDriver();
        var loop = new NetworkStateLoop("node-a", driver, api, new NetworkSyncSignal(), Options(), TimeProvider.System, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var running = loop.RunAsync(stop.Token);

        await Poll.UntilAsync(() => api.Calls >= 2, "a retry after the failure");
        driver.ApplyCount.ShouldBe(0);
        api.Fail = null;
        await Poll.UntilAsync(() => driver.ApplyCount == 1, "the apply once the controller answers");

        await stop.CancelAsync();
        await running;
    }
}
