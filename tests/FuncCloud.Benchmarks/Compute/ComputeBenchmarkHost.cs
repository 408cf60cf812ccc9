using System.Globalization;
using FuncCloud.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Benchmarks.Compute;

/// <summary>A LocalHost with the compute workflows plus an in-process agent hosting N Fake nodes.</summary>
public sealed class ComputeBenchmarkHost : AgentHostFixture, IAsyncDisposable
{
    public const string ImageId = "5b1c4f3e-be7c-4c0d-9a7e-000000000001";
    private const string AgentPassword = "bench-agent-pass";
    private readonly int _nodes;
    private readonly int _servers;
    private readonly bool _networks;
    private readonly bool _productTimings;
    private readonly bool _fleet;

    private ComputeBenchmarkHost(int nodes, int servers, bool networks, bool productTimings, bool fleet)
        : base(AgentPassword, "funccloud-bench-agent-") => (_nodes, _servers, _networks, _productTimings, _fleet) = (nodes, servers, networks, productTimings, fleet);

    /// <summary>How many nodes had registered when the start stopped waiting (at most 600 s).</summary>
    public int RegisteredNodes { get; private set; }

    /// <summary>The fleet name when the nodes run as one fleet.</summary>
    public const string FleetName = "bench";

    /// <summary>A node is down when its last beat is older than this (nova's service_down_time).</summary>
    public static readonly TimeSpan DownAfter = TimeSpan.FromSeconds(60);

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Logging:LogLevel:Default"] = "Warning";
            settings["FuncCloud:Compute:Quotas:Instances"] = (_servers + 10).ToString(CultureInfo.InvariantCulture);
            settings["FuncCloud:Compute:Quotas:Cores"] = "100000";
            settings["FuncCloud:Compute:Quotas:Ram"] = "100000000";
            settings["FuncCloud:Compute:Scheduler:HostSubsetSize"] = "4";
            settings["FuncCloud:Bootstrap:Network:Enabled"] = _networks ? "true" : "false";
            settings["FuncCloud:Compute:Nodes:DownAfter"] = DownAfter.ToString("c", CultureInfo.InvariantCulture);
            return settings;
        }
    }

    // The idle-latency run keeps the product's polling and wake-up settings: it measures what a user gets.
    // A fleet (one process, one queue, one heartbeat call for all nodes) beats at nova's report_interval, 10 s.
    protected override IDictionary<string, string?> AgentConfiguration => _productTimings
        ? new Dictionary<string, string?> { ["FuncCloud:Agent:NodeCount"] = _nodes.ToString(CultureInfo.InvariantCulture) }
        : _fleet ? new Dictionary<string, string?>
        {
            ["FuncCloud:Agent:NodeCount"] = _nodes.ToString(CultureInfo.InvariantCulture),
            ["FuncCloud:Agent:NodeNamePattern"] = "fake-{0:D5}",
            ["FuncCloud:Agent:Fleet"] = FleetName,
            ["FuncCloud:Agent:HeartbeatInterval"] = "00:00:10",
            ["FuncCloud:Agent:MaxPollInterval"] = "00:00:00.500",
            ["FuncCloud:Agent:JournalFlushToDisk"] = "false",
            ["FuncCloud:Agent:Fake:PersistInstances"] = "false",
        }
        : new Dictionary<string, string?>
        {
            ["FuncCloud:Agent:NodeCount"] = _nodes.ToString(CultureInfo.InvariantCulture),
            ["FuncCloud:Agent:HeartbeatInterval"] = "00:00:05",
            ["FuncCloud:Agent:MaxPollInterval"] = "00:00:00.500",
            ["FuncCloud:Agent:JournalFlushToDisk"] = "false",
            ["FuncCloud:Agent:MaxConcurrentCommands"] = "8",
        };

    /// <summary>
    /// Starts the host; <paramref name="networks"/> bootstraps devstack's networks (demo's <c>private</c>);
    /// <paramref name="productTimings"/> leaves the agent's polling at the product defaults.
    /// </summary>
    public static async Task<ComputeBenchmarkHost> StartAsync(int nodes, int servers, bool networks = false, bool productTimings = false, bool fleet = false)
    {
        var host = new ComputeBenchmarkHost(nodes, servers, networks, productTimings, fleet);
        await host.InitializeAsync();
        await TestImages.SeedAsync(host.Services, ImageId, "bench");
        await host.StartAgentAsync();
        var repository = host.Services.GetRequiredService<FuncCloud.Shared.Compute.Nodes.ComputeNodeRepository>();
        var deadline = DateTime.UtcNow.AddSeconds(600);
        // Each look reads every node name: at 10,000 nodes look every 2 s, not every 250 ms, or the waiting loads the emulator.
        var pause = TimeSpan.FromMilliseconds(Math.Clamp(nodes / 5, 250, 2000));
        while ((host.RegisteredNodes = (await repository.ListNamesAsync(CancellationToken.None)).Count) < nodes && DateTime.UtcNow < deadline)
        {
            await Task.Delay(pause);
        }

        return host;
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
