using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using FuncCloud.Durable.Compute.Orchestrators;
using FuncCloud.Shared.Workflows;
using FuncCloud.Testing;
using FuncCloud.Web.Assets;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Benchmarks.Monitor;

/// <summary>
/// <c>./funccloud bench monitor [--orchestrations 10000] [--page 50]</c>: seeds N workflow instances (scheduled a
/// day ahead, so they stay Pending and nothing runs), then pages through all of them with the monitor API and
/// reports per-page latency, plus the filtered, sorted, per-resource and statistics queries, and the gzip size
/// of the web front-end's first load.
/// </summary>
public static class MonitorBenchmark
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var count = int.Parse(options.GetValueOrDefault("orchestrations", "10000"), CultureInfo.InvariantCulture);
        var pageSize = int.Parse(options.GetValueOrDefault("page", "50"), CultureInfo.InvariantCulture);
        ReportBundle();
        await using var host = await MonitorBenchmarkHost.StartAsync();
        var durable = host.Services.GetRequiredService<DurableTaskClient>();

        var seed = Stopwatch.StartNew();
        var startAt = DateTimeOffset.UtcNow.AddDays(1);
        var firstServer = string.Empty;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var server = Guid.NewGuid().ToString();
            if (i == 0)
            {
                firstServer = server;
            }

            await durable.ScheduleNewOrchestrationInstanceAsync(
                i % 10 == 0 ? nameof(DeleteServerWorkflow) : nameof(BootServerWorkflow),
                new { serverId = server },
                new StartOrchestrationOptions($"{server}:create", startAt) { Tags = WorkflowTags.For(WorkflowResourceTypes.Server, server, "bench-project") },
                ct);
        });
        Console.WriteLine($"seeded {count} orchestrations in {seed.Elapsed.TotalSeconds:F1} s ({count / seed.Elapsed.TotalSeconds:F0}/s)");

        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("X-Auth-Token", await host.TokenAsync("admin", IdentityHostFixture.AdminPassword, "admin"));

        var (pages, rows, latencies) = await PageThroughAsync(client, $"/monitor/api/orchestrations?limit={pageSize}");
        Report($"list, {pageSize} per page, all {rows} in {pages} pages", latencies);
        (pages, rows, latencies) = await PageThroughAsync(client, "/monitor/api/orchestrations?limit=500");
        Report($"list, 500 per page, all {rows} in {pages} pages", latencies);
        (pages, rows, latencies) = await PageThroughAsync(client, $"/monitor/api/orchestrations?limit={pageSize}&name=DeleteServer", maxPages: 5);
        Report($"list filtered by name (checked on rows read), first {pages} pages", latencies);
        Report("one server's workflows (instance id prefix)", [await TimeAsync(client, $"/monitor/api/resources/server/{firstServer}/orchestrations")]);
        Report($"list sorted by created_at (reads all {count})", [await TimeAsync(client, $"/monitor/api/orchestrations?limit={pageSize}&sort=created_at")]);
        Report($"overview statistics (reads all {count})", [await TimeAsync(client, "/monitor/api/stats")]);
        return 0;
    }

    private static async Task<(int Pages, int Rows, List<double> Latencies)> PageThroughAsync(HttpClient client, string path, int maxPages = int.MaxValue)
    {
        var latencies = new List<double>();
        var rows = 0;
        string? continuation = null;
        do
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path + (continuation is null ? string.Empty : "&continuation=" + continuation));
            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            rows += page.GetProperty("orchestrations").GetArrayLength();
            continuation = page.TryGetProperty("continuation", out var c) ? c.GetString() : null;
        }
        while (continuation is not null && latencies.Count < maxPages);
        return (latencies.Count, rows, latencies);
    }

    private static async Task<double> TimeAsync(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static void Report(string what, List<double> latencies)
    {
        latencies.Sort();
        double At(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine($"{what}: p50 {At(0.5):F0} ms, p95 {At(0.95):F0} ms, max {latencies[^1]:F0} ms");
    }

    private static void ReportBundle()
    {
        // The first load is index.html and what it references (the entry script, its modulepreloads and CSS);
        // the pages and the charts are separate chunks fetched when a page is first shown.
        var index = WebAssets.Find(WebAssets.Index) ?? throw new InvalidOperationException("the web app is not embedded");
        var html = System.Text.Encoding.UTF8.GetString(index.Content);
        var first = WebAssets.All.Where(a => a.Path == WebAssets.Index || html.Contains("/" + a.Path + "\"", StringComparison.Ordinal)).ToList();
        var all = WebAssets.All.Where(a => a.Path.EndsWith(".js", StringComparison.Ordinal) || a.Path.EndsWith(".css", StringComparison.Ordinal)).ToList();
        static long Gzip(IEnumerable<WebAsset> assets) => assets.Sum(a => (long)(a.Gzip?.Length ?? a.Content.Length));
        Console.WriteLine($"web front-end first load: {first.Count} files, {first.Sum(a => (long)a.Content.Length) / 1024.0:F0} KiB, {Gzip(first) / 1024.0:F0} KiB gzipped (all chunks: {Gzip(all) / 1024.0:F0} KiB gzipped)");
        foreach (var asset in all.OrderByDescending(a => a.Content.Length))
        {
            Console.WriteLine($"  {asset.Path}{(first.Contains(asset) ? " (first load)" : string.Empty)}: {asset.Content.Length / 1024.0:F0} KiB, {(asset.Gzip?.Length ?? asset.Content.Length) / 1024.0:F0} KiB gzipped");
        }
    }
}
