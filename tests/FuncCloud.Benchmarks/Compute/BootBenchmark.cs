using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FuncCloud.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Benchmarks.Compute;

/// <summary>
/// <c>boot --nodes N --servers M --concurrency C [--seconds S] [--per-node]</c>: a self-hosted LocalHost (identity, Nova,
/// durable workflows) and an in-process agent with N Fake nodes running as one fleet (bulk registration, one heartbeat
/// call, one queue; <c>--per-node</c>: every node its own loops and queue, at most 200); M servers booted through the API
/// by C clients; prints time-to-ACTIVE p50/p95/max, throughput, the process's CPU and memory (LocalHost and agent share
/// it), the storage emulator's CPU, and every heartbeat timeout seen (a node whose last beat was older than the down
/// time at one of the samples taken every 2 s). Bounded: N ≤ 10,000, M ≤ 1000 and the run stops after S seconds
/// (default 300); loopback only.
/// </summary>
public static class BootBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options)
    {
        if (options.ContainsKey("idle"))
        {
            return await IdleBootBenchmark.RunAsync(options);
        }

        var fleet = !options.ContainsKey("per-node");
        var nodes = Math.Clamp(Int(options, "nodes", 4), 1, fleet ? 10_000 : 200);
        var servers = Math.Clamp(Int(options, "servers", 50), 1, 1000);
        var concurrency = Math.Clamp(Int(options, "concurrency", 10), 1, 64);
        var limit = TimeSpan.FromSeconds(Math.Clamp(Int(options, "seconds", 300), 10, 3600));
        Console.WriteLine($"boot: {nodes} Fake nodes ({(fleet ? "one fleet" : "one agent loop set per node")}), {servers} servers, concurrency {concurrency}, limit {limit.TotalSeconds} s");
        var startup = Stopwatch.StartNew();
        await using var host = await ComputeBenchmarkHost.StartAsync(nodes, servers, fleet: fleet);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host up and {host.RegisteredNodes} of {nodes} nodes registered in {startup.Elapsed.TotalSeconds:F1} s"));
        var azurite = (await AzuriteServer.GetAsync()).WatchdogProcessId;
        using var heartbeats = new HeartbeatWatch(host.Services, nodes, fleet ? "fake-{0:D5}" : "fake-{0:D3}", ComputeBenchmarkHost.DownAfter);
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Auth-Token", await TokenAsync(client));
        client.DefaultRequestHeaders.Add("X-OpenStack-Nova-API-Version", "2.79");

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var azuriteBefore = ProcessTree.CpuSeconds(azurite);
        var clock = Stopwatch.StartNew();
        var times = new List<double>();
        var errors = 0;
        var next = 0;
        async Task WorkerAsync()
        {
            while (Interlocked.Increment(ref next) is var n && n <= servers && clock.Elapsed < limit)
            {
                var started = clock.Elapsed;
                try
                {
                    var id = await BootAsync(client, $"bench-{n}");
                    var status = await WaitAsync(client, id, clock, limit);
                    if (status == "ACTIVE")
                    {
                        lock (times)
                        {
                            times.Add((clock.Elapsed - started).TotalMilliseconds);
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync)));
        clock.Stop();
        process.Refresh();
        times.Sort();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var azuriteCpu = ProcessTree.CpuSeconds(azurite) - azuriteBefore;
        var (timeouts, maxAge, samples) = await heartbeats.StopAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"storage emulator: cpu {azuriteCpu:F1} s ({100 * azuriteCpu / clock.Elapsed.TotalSeconds / Environment.ProcessorCount:F0} % of the machine); " +
            $"heartbeat timeouts: {timeouts} (oldest beat seen {maxAge.TotalSeconds:F1} s, down after {ComputeBenchmarkHost.DownAfter.TotalSeconds:F0} s, {samples} samples); load average {LoadAverage()}"));
        if (host.AgentServices?.GetService<FuncCloud.Agent.Fleet.FleetAgent>()?.Heartbeat is { } beat)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fleet heartbeats: {beat.Beats} of all {nodes} nodes, {beat.Failures} failed calls, longest {beat.LongestBeat.TotalMilliseconds:F0} ms"));
        }

        Console.WriteLine($"{"active",7} {"errors",7} {"p50 ms",9} {"p95 ms",9} {"max ms",9} {"servers/s",10} {"cpu s",8} {"cpu %",7} {"ws MB",8} {"gc MB",8}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{times.Count,7} {errors,7} {P(times, 0.50),9:F0} {P(times, 0.95),9:F0} {(times.Count == 0 ? double.NaN : times[^1]),9:F0} {times.Count / clock.Elapsed.TotalSeconds,10:F2} {cpu.TotalSeconds,8:F1} {100 * cpu.TotalSeconds / clock.Elapsed.TotalSeconds / Environment.ProcessorCount,7:F0} {process.WorkingSet64 / 1048576.0,8:F0} {GC.GetTotalMemory(false) / 1048576.0,8:F0}"));
        return 0;
    }

    internal static async Task<string> TokenAsync(HttpClient client)
    {
        var body = new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject { ["user"] = new JsonObject { ["name"] = "demo", ["domain"] = new JsonObject { ["id"] = "default" }, ["password"] = IdentityHostFixture.DemoPassword } },
                },
                ["scope"] = new JsonObject { ["project"] = new JsonObject { ["name"] = "demo", ["domain"] = new JsonObject { ["id"] = "default" } } },
            },
        };
        using var response = await client.PostAsJsonAsync("/identity/v3/auth/tokens?nocatalog", body);
        return response.Headers.GetValues("X-Subject-Token").Single();
    }

    private static async Task<string> BootAsync(HttpClient client, string name)
    {
        var body = new JsonObject { ["server"] = new JsonObject { ["name"] = name, ["flavorRef"] = "1", ["imageRef"] = ComputeBenchmarkHost.ImageId, ["networks"] = "none" } };
        using var response = await client.PostAsJsonAsync("/compute/v2.1/servers", body);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement.GetProperty("server").GetProperty("id").GetString()!
            : throw new InvalidOperationException($"{(int)response.StatusCode}: {text}");
    }

    internal static async Task<string> WaitAsync(HttpClient client, string id, Stopwatch clock, TimeSpan limit)
    {
        while (clock.Elapsed < limit)
        {
            using var response = await client.GetAsync($"/compute/v2.1/servers/{id}");
            var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("server").GetProperty("status").GetString()!;
            if (status is "ACTIVE" or "ERROR")
            {
                return status;
            }

            await Task.Delay(100);
        }

        return "TIMEOUT";
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static double P(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Int(IReadOnlyDictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
