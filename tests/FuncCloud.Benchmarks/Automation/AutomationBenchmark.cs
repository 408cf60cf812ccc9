using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using FuncCloud.Shared.Automation;
using FuncCloud.Shared.Storage;
using FuncCloud.Testing;

namespace FuncCloud.Benchmarks.Automation;

/// <summary>
/// <c>./funccloud bench automation [--requests N (500)] [--concurrency C (8)] [--seconds S (600)]</c>: N single
/// operations (POST a network) queued on <c>cloud-requests</c> of a private host, replies collected from
/// <c>cloud-replies</c>: throughput, enqueue-to-reply p50/p95, and the outcome check (every reply succeeded,
/// exactly N networks: none lost, none duplicated).
/// </summary>
public static class AutomationBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options)
    {
        var count = int.Parse(options.GetValueOrDefault("requests", "500"), CultureInfo.InvariantCulture);
        var concurrency = int.Parse(options.GetValueOrDefault("concurrency", "8"), CultureInfo.InvariantCulture);
        var bound = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("seconds", "600"), CultureInfo.InvariantCulture));
        var host = await BenchmarkHost.StartAsync("4");
        try
        {
            return await RunAsync(host, count, concurrency, bound);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static async Task<int> RunAsync(BenchmarkHost host, int count, int concurrency, TimeSpan bound)
    {
        Console.WriteLine($"Self-hosted LocalHost at {host.BaseAddress} (Azurite in memory)");
        var token = await KeystoneTokens.PasswordTokenAsync(host.Client, "admin", IdentityHostFixture.AdminPassword, "admin");
        using var api = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        api.DefaultRequestHeaders.Add("X-Auth-Token", token);
        var project = (await api.GetFromJsonAsync<JsonObject>("/identity/v3/projects?name=admin"))!["projects"]![0]!["id"]!.GetValue<string>();
        (await api.PutAsJsonAsync($"/network/v2.0/quotas/{project}", new JsonObject { ["quota"] = new JsonObject { ["network"] = -1 } })).EnsureSuccessStatusCode();

        var names = new StorageNames(host.Id);
        var requests = new QueueClient(host.ConnectionString, names.Queue(AutomationNames.RequestQueue), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var replies = new QueueClient(host.ConnectionString, names.Queue(AutomationNames.ReplyQueue), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await requests.CreateIfNotExistsAsync();
        await replies.CreateIfNotExistsAsync();

        var run = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var sentAt = new ConcurrentDictionary<string, TimeSpan>();
        var repliedAt = new Dictionary<string, TimeSpan>();
        var statuses = new Dictionary<string, string>();
        var duplicates = 0;
        var clock = Stopwatch.StartNew();
        var collector = Task.Run(async () =>
        {
            while (repliedAt.Count < count && clock.Elapsed < bound)
            {
                var batch = (await replies.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(60))).Value;
                if (batch.Length == 0)
                {
                    await Task.Delay(100);
                }

                foreach (var message in batch)
                {
                    var request = JsonNode.Parse(message.Body.ToString())!["request"]!;
                    var id = request["correlation_id"]!.GetValue<string>();
                    if (!repliedAt.TryAdd(id, clock.Elapsed))
                    {
                        duplicates++;
                    }

                    statuses[id] = request["status"]!.GetValue<string>();
                    await replies.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
            }
        });

        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, cancellationToken) =>
        {
            var id = $"{run}-{i}";
            var envelope = new JsonObject
            {
                ["correlation_id"] = id,
                ["auth"] = new JsonObject { ["token"] = token },
                ["operation"] = new JsonObject { ["method"] = "POST", ["path"] = "/network/v2.0/networks", ["body"] = new JsonObject { ["network"] = new JsonObject { ["name"] = id } } },
            };
            sentAt[id] = clock.Elapsed;
            await requests.SendMessageAsync(envelope.ToJsonString(), cancellationToken);
        });
        var sent = clock.Elapsed;
        await collector;
        var done = clock.Elapsed;

        var networks = (await api.GetFromJsonAsync<JsonObject>("/network/v2.0/networks?fields=name"))!["networks"]!.AsArray()
            .Select(n => n!["name"]!.GetValue<string>()).Where(n => n.StartsWith(run, StringComparison.Ordinal)).ToList();
        var latencies = repliedAt.Select(p => (p.Value - sentAt[p.Key]).TotalMilliseconds).Order().ToList();
        Console.WriteLine($"automation: {count} queued single operations (POST /network/v2.0/networks), enqueue concurrency {concurrency}");
        Console.WriteLine($"  enqueued in {sent.TotalSeconds:F1} s; {repliedAt.Count} replied after {done.TotalSeconds:F1} s: {repliedAt.Count / done.TotalSeconds:F1} operations/s");
        if (latencies.Count > 0)
        {
            Console.WriteLine($"  enqueue-to-reply p50 {Percentile(latencies, 0.50):F0} ms, p95 {Percentile(latencies, 0.95):F0} ms, max {latencies[^1]:F0} ms");
        }

        var succeeded = statuses.Values.Count(s => s == AutomationStatus.Succeeded);
        Console.WriteLine($"  outcome: {succeeded} succeeded, {networks.Count} networks ({networks.Distinct().Count()} distinct names), {duplicates} duplicate replies");
        var ok = repliedAt.Count == count && succeeded == count && networks.Count == count && networks.Distinct().Count() == count;
        Console.WriteLine(ok ? "  none lost, none duplicated" : "  FAILED: lost or duplicated operations");
        return ok ? 0 : 1;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
