using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FuncCloud.Benchmarks;

/// <summary>
/// Keystone throughput and latency: password token issue, token-from-token issue and token validation,
/// each sequentially and with 8 concurrent clients, each bounded by a request count and a time limit.
/// </summary>
public sealed class IdentityBenchmark(Uri baseAddress, string user, string password, string project)
{
    private readonly HttpClient _client = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Runs every scenario and prints one line per scenario.</summary>
    public async Task RunAsync(int maxRequests, TimeSpan maxDuration)
    {
        var token = await IssueAsync(PasswordBody());
        Console.WriteLine($"{"scenario",-28} {"conc",4} {"requests",8} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"errors",6}");
        foreach (var concurrency in new[] { 1, 8 })
        {
            await MeasureAsync("password token issue", concurrency, maxRequests, maxDuration, () => IssueAsync(PasswordBody()));
            await MeasureAsync("token-from-token issue", concurrency, maxRequests, maxDuration, () => IssueAsync(TokenBody(token)));
            await MeasureAsync("token validation", concurrency, maxRequests, maxDuration, () => ValidateAsync(token));
        }
    }

    private async Task MeasureAsync(string name, int concurrency, int maxRequests, TimeSpan maxDuration, Func<Task> call)
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

    private async Task<string> IssueAsync(JsonObject body)
    {
        using var response = await _client.PostAsJsonAsync("/identity/v3/auth/tokens?nocatalog", body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token issue failed: {(int)response.StatusCode}");
        }

        return response.Headers.GetValues("X-Subject-Token").Single();
    }

    private async Task ValidateAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/identity/v3/auth/tokens?nocatalog");
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.Add("X-Subject-Token", token);
        using var response = await _client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Validation failed: {(int)response.StatusCode}");
        }
    }

    private JsonObject PasswordBody() => new()
    {
        ["auth"] = new JsonObject
        {
            ["identity"] = new JsonObject
            {
                ["methods"] = new JsonArray("password"),
                ["password"] = new JsonObject { ["user"] = new JsonObject { ["name"] = user, ["domain"] = new JsonObject { ["id"] = "default" }, ["password"] = password } },
            },
            ["scope"] = Scope(),
        },
    };

    private JsonObject TokenBody(string token) => new()
    {
        ["auth"] = new JsonObject
        {
            ["identity"] = new JsonObject { ["methods"] = new JsonArray("token"), ["token"] = new JsonObject { ["id"] = token } },
            ["scope"] = Scope(),
        },
    };

    private JsonObject Scope() => new() { ["project"] = new JsonObject { ["name"] = project, ["domain"] = new JsonObject { ["id"] = "default" } } };
}
