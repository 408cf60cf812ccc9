using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FuncCloud.Benchmarks.Compute;

/// <summary>
/// <c>boot --idle S [--servers M]</c>: single boots on an idle cloud. Each boot starts after S seconds with
/// nothing happening (pollers back off meanwhile), so the figure is what the first user after a quiet
/// moment sees, not a warm back-to-back loop. One Fake node, <c>networks: none</c>, the product's polling
/// settings. Prints each boot's trace from its instance-action events (POST → schedule → spawn dispatched →
/// spawn answered → ACTIVE seen) and p50/p99 of POST → ACTIVE. Bounded: M ≤ 50, S ≤ 120.
/// </summary>
public static class IdleBootBenchmark
{
    // ACTIVE is polled this often: the poll's own granularity is part of the figure, so keep it small.
    private static readonly TimeSpan StatusPoll = TimeSpan.FromMilliseconds(20);

    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options)
    {
        var idle = TimeSpan.FromSeconds(Math.Clamp(Int(options, "idle", 30), 0, 120));
        var servers = Math.Clamp(Int(options, "servers", 5), 1, 50);
        Console.WriteLine($"boot --idle: {servers} single boots, each after {idle.TotalSeconds:F0} s idle, 1 Fake node, networks none");
        await using var host = await ComputeBenchmarkHost.StartAsync(1, servers, productTimings: true);
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Auth-Token", await BootBenchmark.TokenAsync(client));
        client.DefaultRequestHeaders.Add("X-OpenStack-Nova-API-Version", "2.79");

        // One warm-up boot (JIT, first table and queue creations), not counted.
        await BootOnceAsync(client, "idle-warmup");
        Console.WriteLine($"{"boot",5} {"scheduled",10} {"dispatched",11} {"answered",9} {"active",7}   (ms after POST)");
        var times = new List<double>();
        for (var n = 1; n <= servers; n++)
        {
            await Task.Delay(idle);
            var trace = await BootOnceAsync(client, $"idle-{n}");
            if (trace is null)
            {
                Console.WriteLine($"{n,5} did not reach ACTIVE");
                continue;
            }

            times.Add(trace.Active);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{n,5} {trace.Scheduled,10:F0} {trace.Dispatched,11:F0} {trace.Answered,9:F0} {trace.Active,7:F0}"));
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"POST -> ACTIVE after {idle.TotalSeconds:F0} s idle: p50 {P(times, 0.50):F0} ms, p99 {P(times, 0.99):F0} ms, max {(times.Count == 0 ? double.NaN : times[^1]):F0} ms ({times.Count}/{servers} ACTIVE)"));
        return times.Count == servers ? 0 : 1;
    }

    private static async Task<BootTrace?> BootOnceAsync(HttpClient client, string name)
    {
        var body = new JsonObject { ["server"] = new JsonObject { ["name"] = name, ["flavorRef"] = "1", ["imageRef"] = ComputeBenchmarkHost.ImageId, ["networks"] = "none" } };
        var posted = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsJsonAsync("/compute/v2.1/servers", body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {text}");
        }

        var id = JsonDocument.Parse(text).RootElement.GetProperty("server").GetProperty("id").GetString()!;
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            using var show = await client.GetAsync($"/compute/v2.1/servers/{id}");
            var status = JsonDocument.Parse(await show.Content.ReadAsStringAsync()).RootElement.GetProperty("server").GetProperty("status").GetString();
            if (status == "ACTIVE")
            {
                var active = clock.Elapsed.TotalMilliseconds;
                return await TraceAsync(client, id, posted, active);
            }

            if (status == "ERROR")
            {
                return null;
            }

            await Task.Delay(StatusPoll);
        }

        return null;
    }

    // The workflow records each step as an instance-action event: schedule's finish is the claim, spawn's
    // start is the command dispatched to the node, spawn's finish is the agent's answer recorded.
    private static async Task<BootTrace> TraceAsync(HttpClient client, string id, DateTimeOffset posted, double active)
    {
        var scheduled = double.NaN;
        var dispatched = double.NaN;
        var answered = double.NaN;
        using var list = await client.GetAsync($"/compute/v2.1/servers/{id}/os-instance-actions");
        var requestId = list.IsSuccessStatusCode
            ? JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetProperty("instanceActions").EnumerateArray()
                .Where(a => a.GetProperty("action").GetString() == "create").Select(a => a.GetProperty("request_id").GetString()).FirstOrDefault()
            : null;
        if (requestId is not null)
        {
            using var response = await client.GetAsync($"/compute/v2.1/servers/{id}/os-instance-actions/{requestId}");
            if (response.IsSuccessStatusCode)
            {
                var action = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("instanceAction");
                foreach (var step in action.GetProperty("events").EnumerateArray())
                {
                    var name = step.GetProperty("event").GetString();
                    var start = Millis(step.GetProperty("start_time"), posted);
                    var finish = Millis(step.GetProperty("finish_time"), posted);
                    if (name == "conductor_schedule_and_build_instances")
                    {
                        scheduled = finish;
                    }
                    else if (name == "compute__do_build_and_run_instance")
                    {
                        dispatched = start;
                        answered = finish;
                    }
                }
            }
        }

        return new BootTrace(scheduled, dispatched, answered, active);
    }

    private static double Millis(JsonElement time, DateTimeOffset posted) =>
        time.ValueKind == JsonValueKind.String
            ? (DateTimeOffset.Parse(time.GetString()! + "Z", CultureInfo.InvariantCulture) - posted).TotalMilliseconds
            : double.NaN;

    private static double P(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Int(IReadOnlyDictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private sealed record BootTrace(double Scheduled, double Dispatched, double Answered, double Active);
}
