using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using FuncCloud.Shared.Storage;
using FuncCloud.Shared.Telemetry;
using FuncCloud.Shared.Telemetry.Storage;
using FuncCloud.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FuncCloud.Benchmarks.Telemetry;

/// <summary>
/// The measures store's hot paths on in-memory Azurite: ingest of N instances × M meters × one sample a minute
/// for a simulated day (time-compressed: each metric's samples are written in batches of <c>--batch-minutes</c>
/// as fast as the store takes them, <c>--concurrency</c> writers), the storage it used, and the latency of a
/// day-long query of one series (p50/p95) and of a mean across <c>--across</c> series.
/// </summary>
public static class TelemetryBenchmark
{
    private static readonly ArchivePolicy Policy = new(
        "bench", 0,
        [new(TimeSpan.FromMinutes(1), 10080), new(TimeSpan.FromHours(1), 8760), new(TimeSpan.FromDays(1), 1825)],
        ["mean", "min", "max", "sum", "count", "last", "rate:mean"]);

    /// <summary>Runs the benchmark; 0 on success.</summary>
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options)
    {
        int Option(string name, int fallback) => int.Parse(options.GetValueOrDefault(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var instances = Option("instances", 1000);
        var meters = Option("meters", 10);
        var minutes = Option("minutes", 1440);
        var batchMinutes = Option("batch-minutes", 60);
        var concurrency = Option("concurrency", 16);
        var queries = Option("queries", 200);
        var across = Option("across", 100);

        var connection = (await AzuriteServer.GetAsync()).ConnectionString;
        var tables = new TableServiceClient(connection);
        var names = new StorageNames("bench" + Guid.NewGuid().ToString("N")[..8]);
        var store = new MeasureStore(tables, names, NullLogger<MeasureStore>.Instance);
        var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var metrics = Enumerable.Range(0, instances * meters).Select(i => $"{i / meters:D6}-{i % meters:D2}").ToArray();

        // Work items: (metric, batch); batches go in time order so each metric's writes arrive as a collector sends them.
        var work = new System.Collections.Concurrent.ConcurrentQueue<(string Metric, int Batch)>(
            Enumerable.Range(0, (minutes + batchMinutes - 1) / batchMinutes).SelectMany(b => metrics.Select(m => (m, b))));
        var samples = 0L;
        var transactions = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (work.TryDequeue(out var item))
            {
                var from = item.Batch * batchMinutes;
                var count = Math.Min(batchMinutes, minutes - from);
                var batch = Enumerable.Range(from, count)
                    .Select(m => new Measure(start.AddMinutes(m).AddSeconds(item.Metric.GetHashCode() & 31), m * 1e9 * 0.3))
                    .ToList();
                Interlocked.Add(ref transactions, await store.AddAsync(item.Metric, Policy, batch, $"b{item.Batch}", CancellationToken.None));
                Interlocked.Add(ref samples, count);
            }
        })));
        clock.Stop();
        Console.WriteLine($"ingest: {samples:N0} samples of {metrics.Length:N0} metrics in {clock.Elapsed.TotalSeconds:F1} s = {samples / clock.Elapsed.TotalSeconds:N0} samples/s ({transactions:N0} transactions, {transactions / clock.Elapsed.TotalSeconds:N0}/s; batches of {batchMinutes} samples, {concurrency} writers)");

        var (entities, bytes) = await StorageUsedAsync(tables.GetTableClient(names.Table("Measures")));
        Console.WriteLine($"storage: {entities:N0} entities, {bytes / 1024.0 / 1024.0:F1} MiB of points ({(double)bytes / samples:F1} bytes/sample)");

        var day = new SeriesQuery(metrics[0], Policy, "mean", TimeSpan.FromMinutes(1), start, start.AddMinutes(minutes));
        await ReportAsync($"query: one series, a day at 1 min ({(await store.GetAsync(day, CancellationToken.None)).Count} points)", queries,
            i => store.GetAsync(day with { MetricId = metrics[i % metrics.Length], Aggregation = i % 2 == 0 ? "mean" : "rate:mean" }, CancellationToken.None));
        var hours = day with { Granularity = TimeSpan.FromHours(1) };
        await ReportAsync("query: one series, a day at 1 h", queries, i => store.GetAsync(hours with { MetricId = metrics[i % metrics.Length] }, CancellationToken.None));
        await ReportAsync($"query: mean across {across} series, a day at 1 h", Math.Max(1, queries / 10), async i =>
        {
            var series = await Task.WhenAll(Enumerable.Range(0, across).Select(k => store.GetAsync(hours with { MetricId = metrics[(i * across + k) % metrics.Length] }, CancellationToken.None)));
            return series.SelectMany(s => s).GroupBy(p => p.Timestamp).Select(g => new AggregatedPoint(g.Key, g.First().Granularity, g.Average(p => p.Value))).ToList();
        });
        return 0;
    }

    private static async Task ReportAsync(string name, int count, Func<int, Task<IReadOnlyList<AggregatedPoint>>> query)
    {
        var latencies = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await query(i);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        Console.WriteLine($"{name}: p50 {latencies[latencies.Count / 2]:F1} ms, p95 {latencies[(int)(latencies.Count * 0.95)]:F1} ms over {count}");
    }

    private static async Task<(long Entities, long Bytes)> StorageUsedAsync(TableClient table)
    {
        var entities = 0L;
        var bytes = 0L;
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            entities++;
            bytes += row.GetBinary("P")?.Length ?? 0;
        }

        return (entities, bytes);
    }
}
