using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FuncCloud.Testing;

namespace FuncCloud.Benchmarks.Network;

/// <summary>
/// Neutron's hot path: port create (the IPAM transaction) on one subnet, sequentially and with 8 concurrent
/// clients, bounded by a request count and a time limit; the ports are deleted afterwards (not measured).
/// </summary>
public sealed class NetworkBenchmark(Uri baseAddress, string user, string password, string project)
{
    private readonly HttpClient _client = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Runs both scenarios and prints one line each.</summary>
    public async Task RunAsync(int maxRequests, TimeSpan maxDuration)
    {
        _client.DefaultRequestHeaders.Add("X-Auth-Token", await KeystoneTokens.PasswordTokenAsync(_client, user, password, project));
        var network = await CreateAsync("networks", "network", new JsonObject { ["name"] = "bench-" + Guid.NewGuid().ToString("N")[..8] });
        var networkId = network["id"]!.GetValue<string>();
        await CreateAsync("subnets", "subnet", new JsonObject { ["network_id"] = networkId, ["ip_version"] = 4, ["cidr"] = "10.254.0.0/16" });
        var ports = new List<string>();
        Console.WriteLine($"{"scenario",-28} {"conc",4} {"requests",8} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"errors",6}");
        try
        {
            foreach (var concurrency in new[] { 1, 8 })
            {
                await MeasureAsync("port create", concurrency, maxRequests, maxDuration, async () =>
                {
                    var port = await CreateAsync("ports", "port", new JsonObject { ["network_id"] = networkId });
                    lock (ports)
                    {
                        ports.Add(port["id"]!.GetValue<string>());
                    }
                });
            }
        }
        finally
        {
            foreach (var port in ports)
            {
                using var _ = await _client.DeleteAsync($"/network/v2.0/ports/{port}");
            }

            using var deleted = await _client.DeleteAsync($"/network/v2.0/networks/{networkId}");
        }
    }

    private async Task<JsonObject> CreateAsync(string collection, string singular, JsonObject body)
    {
        using var response = await _client.PostAsJsonAsync($"/network/v2.0/{collection}", new JsonObject { [singular] = body });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Create {singular} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonObject>())![singular]!.AsObject();
    }

    private static async Task MeasureAsync(string name, int concurrency, int maxRequests, TimeSpan maxDuration, Func<Task> call)
    {
        var latencies = new List<double>(maxRequests);
        var errors = 0;
        var issued = 0;
        var clock = Stopwatch.StartNew();
        async Task WorkerAsync()
        {
            while (Interlocked.Increment(ref issued) <= maxRequests && clock.Elapsed < maxDuration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call();
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    lock (latencies)
                    {
                        latencies.Add(elapsed);
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
        latencies.Sort();
        Console.WriteLine($"{name,-28} {concurrency,4} {latencies.Count,8} {latencies.Count / clock.Elapsed.TotalSeconds,9:F1} {Percentile(latencies, 0.50),8:F2} {Percentile(latencies, 0.99),8:F2} {errors,6}");
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
