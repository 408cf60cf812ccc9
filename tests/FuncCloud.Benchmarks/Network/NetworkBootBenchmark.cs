using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FuncCloud.Benchmarks.Compute;

namespace FuncCloud.Benchmarks.Network;

/// <summary>
/// Boot-to-ACTIVE of a server with one port (issue 10's reference: single p50 2.2 s, 20 concurrent 26 s to
/// all ACTIVE): always self-hosted (LocalHost + in-process agent, 4 Fake nodes, devstack's networks), the
/// demo user booting onto <c>private</c>. Single: 5 sequential boots, p50. Concurrent: 20 boots at once,
/// time until the last is ACTIVE. Bounded to 300 s.
/// </summary>
public static class NetworkBootBenchmark
{
    private const int Sequential = 5;
    private const int Concurrent = 20;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(300);

    public static async Task RunAsync()
    {
        await using var host = await ComputeBenchmarkHost.StartAsync(4, Sequential + Concurrent + 5, networks: true);
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Auth-Token", await BootBenchmark.TokenAsync(client));
        client.DefaultRequestHeaders.Add("X-OpenStack-Nova-API-Version", "2.79");
        var networks = await client.GetFromJsonAsync<JsonObject>("/network/v2.0/networks?name=private");
        var networkId = networks!["networks"]![0]!["id"]!.GetValue<string>();

        var clock = Stopwatch.StartNew();
        var single = new List<double>();
        for (var i = 0; i < Sequential; i++)
        {
            var started = clock.Elapsed;
            var id = await BootAsync(client, $"bench-port-{i}", networkId);
            if (await BootBenchmark.WaitAsync(client, id, clock, Limit) == "ACTIVE")
            {
                single.Add((clock.Elapsed - started).TotalMilliseconds);
            }
        }

        single.Sort();
        var burst = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(async i =>
        {
            var id = await BootAsync(client, $"bench-burst-{i}", networkId);
            return await BootBenchmark.WaitAsync(client, id, clock, Limit);
        }));
        burst.Stop();
        var active = outcomes.Count(o => o == "ACTIVE");
        Console.WriteLine($"{"scenario",-34} {"servers",7} {"active",7} {"time ms",9}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"boot with a port, single p50",-34} {Sequential,7} {single.Count,7} {(single.Count == 0 ? double.NaN : single[single.Count / 2]),9:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"boot with a port, 20 concurrent",-34} {Concurrent,7} {active,7} {burst.Elapsed.TotalMilliseconds,9:F0}"));
    }

    private static async Task<string> BootAsync(HttpClient client, string name, string networkId)
    {
        var body = new JsonObject
        {
            ["server"] = new JsonObject
            {
                ["name"] = name, ["flavorRef"] = "1", ["imageRef"] = ComputeBenchmarkHost.ImageId, ["networks"] = new JsonArray(new JsonObject { ["uuid"] = networkId }),
            },
        };
        using var response = await client.PostAsJsonAsync("/compute/v2.1/servers", body);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement.GetProperty("server").GetProperty("id").GetString()!
            : throw new InvalidOperationException($"{(int)response.StatusCode}: {text}");
    }
}
