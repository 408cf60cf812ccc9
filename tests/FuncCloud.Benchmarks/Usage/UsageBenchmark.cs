using System.Diagnostics;
using System.Globalization;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.ObjectStorage;
using FuncCloud.Shared.Rating;
using FuncCloud.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Benchmarks.Usage;

/// <summary>
/// <c>./funccloud bench usage [--servers 1000] [--requests 20]</c>: seeds N server lifecycles (a month of boots,
/// two thirds of them deleted) straight into the server store for one project, and as many for a second project,
/// then times <c>os-simple-tenant-usage</c> show (one project, every server in its lines) and the admin list
/// (both projects) over the month. Then it adds N/2 volume and N/4 floating IP lifecycles and 200 object writes
/// spread over the month to the first project and times its rating report (JSON and CSV) over the month.
/// </summary>
public static class UsageBenchmark
{
    private static readonly ServerFlavor[] Flavors =
    [
        new("1", "m1.tiny", 1, 512, 1, 0, 0, new Dictionary<string, string>()),
        new("2", "m1.small", 1, 2048, 20, 0, 0, new Dictionary<string, string>()),
        new("3", "m1.medium", 2, 4096, 40, 0, 0, new Dictionary<string, string>()),
    ];

    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var count = int.Parse(options.GetValueOrDefault("servers", "1000"), CultureInfo.InvariantCulture);
        var requests = int.Parse(options.GetValueOrDefault("requests", "20"), CultureInfo.InvariantCulture);
        await using var host = await BenchmarkHost.StartAsync("4");
        Console.WriteLine($"Self-hosted LocalHost at {host.BaseAddress} (Azurite in memory)");
        var servers = host.Services.GetRequiredService<ServerRepository>();
        var now = DateTimeOffset.UtcNow;

        var seed = Stopwatch.StartNew();
        await Parallel.ForAsync(0, 2 * count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var launched = now.AddDays(-30).AddMinutes(i * 43200.0 / (2 * count));
            var record = new ServerRecord
            {
                Id = Guid.NewGuid().ToString(),
                ProjectId = i % 2 == 0 ? "bench-usage" : "bench-other",
                UserId = "bench",
                Name = $"vm-{i}",
                Flavor = Flavors[i % Flavors.Length],
                ImageId = Guid.Empty.ToString(),
                ReservationId = "r-bench",
                CreatedAt = launched,
                UpdatedAt = launched,
                LaunchedAt = launched,
                VmState = i % 3 == 0 ? VmStates.Active : VmStates.Deleted,
                TaskState = null,
                TerminatedAt = i % 3 == 0 ? null : launched.AddHours(1 + (i % 48)),
            };
            await servers.InsertAsync(record, ct, reserved: true);
        });
        Console.WriteLine($"seeded {2 * count} server lifecycles ({count} per project) in {seed.Elapsed.TotalSeconds:F1} s");

        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("X-Auth-Token", await host.TokenAsync("admin", IdentityHostFixture.AdminPassword, "admin"));
        client.DefaultRequestHeaders.Add("X-OpenStack-Nova-API-Version", "2.79");
        var window = $"start={Iso(now.AddDays(-31))}&end={Iso(now.AddDays(1))}";
        Report($"usage show, one project of {count} servers (detailed)", await TimeAsync(client, $"/compute/v2.1/os-simple-tenant-usage/bench-usage?{window}", requests));
        Report($"usage list, all {2 * count} servers of 2 projects (one page of 1000)", await TimeAsync(client, $"/compute/v2.1/os-simple-tenant-usage?{window}&detailed=1", requests));

        var resources = host.Services.GetRequiredService<ResourceUsageIndex>();
        var swift = host.Services.GetRequiredService<SwiftStore>();
        seed.Restart();
        await Parallel.ForAsync(0, count / 2, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var created = now.AddDays(-30).AddMinutes(i * 43200.0 / count);
            await resources.StartAsync(UsageKinds.Volume, "bench-usage", $"vol-{i}", $"vol-{i}", 1 + (i % 10), created, ct);
            await resources.ChangeAsync(UsageKinds.Volume, "bench-usage", $"vol-{i}", 20, created.AddHours(5), ct);
            if (i % 2 == 0)
            {
                await resources.StartAsync(UsageKinds.FloatingIp, "bench-usage", $"fip-{i}", null, 1, created, ct);
                await resources.EndAsync(UsageKinds.FloatingIp, "bench-usage", $"fip-{i}", created.AddHours(30), ct);
            }
        });
        await swift.PutContainerAsync("AUTH_bench-usage", "c", _ => new ContainerRecord("c", now.AddDays(-30), now.AddDays(-30), new Dictionary<string, string>(), null, null, null, null, 0, 0), CancellationToken.None);
        for (var i = 0; i < 200; i++)
        {
            await swift.PutObjectAsync("AUTH_bench-usage", "c", new ObjectRecord($"o{i}", null, 1L << 20, "e", "application/octet-stream", now.AddDays(-30).AddHours(i * 3.6), new Dictionary<string, string>()), null, CancellationToken.None);
        }

        Console.WriteLine($"seeded {count / 2} volume and {count / 4} floating IP lifecycles and 200 object writes in {seed.Elapsed.TotalSeconds:F1} s");
        var lines = count + (count / 2) + (count / 4) + 1;
        Report($"rating report, one project over a month ({lines} lines, JSON)", await TimeAsync(client, $"/metric/v1/rating/report?project_id=bench-usage&{window}", requests));
        Report("rating report, the same as CSV", await TimeAsync(client, $"/metric/v1/rating/report?project_id=bench-usage&{window}&format=csv", requests));
        return 0;
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static async Task<List<double>> TimeAsync(HttpClient client, string path, int requests)
    {
        var latencies = new List<double>();
        for (var i = 0; i <= requests; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            if (i > 0)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds); // the first request warms up
            }
        }

        return latencies;
    }

    private static void Report(string what, List<double> latencies)
    {
        latencies.Sort();
        double At(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine($"{what}: p50 {At(0.5):F0} ms, p95 {At(0.95):F0} ms, max {latencies[^1]:F0} ms ({latencies.Count} requests)");
    }
}
