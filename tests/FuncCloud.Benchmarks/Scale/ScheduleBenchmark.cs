using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using FuncCloud.Durable.Compute;
using FuncCloud.Durable.Compute.Scheduling;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Compute.Aggregates;
using FuncCloud.Shared.Compute.Nodes;
using FuncCloud.Shared.Compute.Placement;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Storage;
using FuncCloud.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FuncCloud.Benchmarks.Scale;

/// <summary>
/// <c>./funccloud bench schedule [--nodes 10,100,1000,10000] [--boots 30]</c>: for each fleet size, seeds the
/// compute node rows, placement usage (half the nodes hold servers) and a few aggregates straight into a private
/// Azurite (no agents), then runs scheduling decisions through the real <see cref="ServerPlacer"/> (host state,
/// filters, weighers, the placement claim CAS) one after another, and prints per-boot latency and storage cost.
/// </summary>
public static class ScheduleBenchmark
{
    private static readonly ResourceAmounts Tiny = new(1, 512, 1);

    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var sizes = options.GetValueOrDefault("nodes", "10,100,1000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var boots = int.Parse(options.GetValueOrDefault("boots", "30"), CultureInfo.InvariantCulture);
        var azurite = await AzuriteServer.GetAsync();
        var rows = new List<string>();
        foreach (var size in sizes)
        {
            rows.Add(await MeasureAsync(azurite.ConnectionString, size, boots));
            Console.WriteLine(rows[^1]);
        }

        Console.WriteLine();
        Console.WriteLine($"scheduling decisions (ServerPlacer: host state + filters + weighers + claim), {boots} sequential boots per size, after one warm-up boot:");
        Console.WriteLine("| nodes | first boot ms | mean ms | p95 ms | storage requests/boot | entities read/boot |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task<string> MeasureAsync(string connection, int nodeCount, int boots)
    {
        var counter = new StorageCounter();
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(new TableServiceClient(connection, clientOptions));
        services.AddSingleton(new StorageNames("sched" + Guid.NewGuid().ToString("N")[..8]));
        services.AddFuncCloudComputeWorkflows(configuration);
        await using var provider = services.BuildServiceProvider();

        var seed = Stopwatch.StartNew();
        await SeedAsync(provider, nodeCount);
        Console.Error.WriteLine($"{nodeCount} nodes seeded in {seed.Elapsed.TotalSeconds:F1} s");

        var placer = provider.GetRequiredService<ServerPlacer>();
        var first = await TimeAsync(placer);
        var latencies = new List<double>();
        var (requests, entities) = (counter.Requests, counter.Entities);
        for (var i = 0; i < boots; i++)
        {
            latencies.Add(await TimeAsync(placer));
        }

        var perBootRequests = (counter.Requests - requests) / (double)boots;
        var perBootEntities = (counter.Entities - entities) / (double)boots;
        latencies.Sort();
        var p95 = latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(0.95 * latencies.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"| {nodeCount:N0} | {first:F1} | {latencies.Average():F1} | {p95:F1} | {perBootRequests:F1} | {perBootEntities:F1} |");
    }

    private static async Task<double> TimeAsync(ServerPlacer placer)
    {
        var spec = new RequestSpec(Guid.NewGuid().ToString(), "bench", Tiny, null, new Dictionary<string, string>(), new Dictionary<string, string>(), ServerSchedulerHints.None, [], null);
        var watch = Stopwatch.StartNew();
        var choice = await placer.PlaceAsync(spec, CancellationToken.None);
        if (choice.Node is null)
        {
            throw new InvalidOperationException($"no host: {choice.Reason}");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    // Every node registered and heartbeating; half of them run a few servers; three aggregates over a tenth each.
    private static async Task SeedAsync(IServiceProvider provider, int nodeCount)
    {
        var nodes = provider.GetRequiredService<ComputeNodeRepository>();
        var placement = provider.GetRequiredService<PlacementService>();
        var inventory = provider.GetRequiredService<IOptions<PlacementOptions>>().Value;
        var names = Enumerable.Range(0, nodeCount).Select(i => $"node-{i:D5}").ToList();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (name, ct) =>
        {
            var now = DateTimeOffset.UtcNow;
            var resources = new HostResources(32, 0, 131072, 0, 2000, 0);
            await nodes.UpsertAsync(name, _ => new ComputeNodeRecord
            {
                Id = Guid.NewGuid().ToString(),
                Name = name,
                Hostname = name,
                AvailabilityZone = "nova",
                Driver = "fake",
                Resources = resources,
                RegisteredAt = now,
                LastHeartbeatAt = now,
            }, ct);
            if (name.GetHashCode(StringComparison.Ordinal) % 2 == 0)
            {
                for (var s = 0; s < 3; s++)
                {
                    await placement.ClaimAsync(name, inventory.InventoryOf(resources), Guid.NewGuid().ToString(), new ResourceAmounts(2, 2048, 20), ct);
                }
            }
        });

        var aggregates = provider.GetRequiredService<AggregateStore>();
        for (var a = 0; a < 3; a++)
        {
            var members = names.Where((_, i) => i % 10 == a).ToList();
            await aggregates.CreateAsync(id => new Aggregate(id, Guid.NewGuid().ToString(), $"agg-{a}", members, new Dictionary<string, string> { ["tier"] = $"t{a}" }, DateTimeOffset.UtcNow, null), CancellationToken.None);
        }
    }
}
