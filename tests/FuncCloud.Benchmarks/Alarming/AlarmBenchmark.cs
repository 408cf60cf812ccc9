using System.Globalization;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Alarming.Evaluation;
using FuncCloud.Shared.Alarming;
using FuncCloud.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Benchmarks.Alarming;

/// <summary>
/// <c>./funccloud bench alarms [--alarms 100,1000]</c>: the cost of one evaluation round per alarm on a private
/// host whose Gnocchi is a loopback stub answering every measures read with three breaching points. For each N:
/// a first round (every alarm transitions: compare-and-swap, history row, a log:// action) and a steady round
/// (no transition: one gnocchi read per alarm and no storage write).
/// </summary>
public static class AlarmBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options)
    {
        var sizes = options.GetValueOrDefault("alarms", "100,1000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        await using var stub = await StubAsync();
        foreach (var size in sizes)
        {
            // A fresh host per size: Azurite slows down as data piles up.
            var host = new AlarmBenchmarkHost(stub.Urls.First() + "/metric");
            await host.InitializeAsync();
            try
            {
                await RunAsync(host, size);
            }
            finally
            {
                await host.DisposeAsync();
            }
        }

        return 0;
    }

    private static async Task RunAsync(AlarmBenchmarkHost host, int count)
    {
        var store = host.Services.GetRequiredService<AlarmStore>();
        var evaluator = host.Services.GetRequiredService<AlarmEvaluator>();
        var now = DateTimeOffset.UtcNow;
        var admin = await KeystoneTokens.PasswordTokenAsync(host.Client, "admin", IdentityHostFixture.AdminPassword, "admin");
        using var api = new HttpClient { BaseAddress = host.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Auth-Token", admin);
        var projectId = JsonNode.Parse(await api.GetStringAsync("/identity/v3/projects?name=admin"))!["projects"]![0]!["id"]!.GetValue<string>();
        var userId = JsonNode.Parse(await api.GetStringAsync("/identity/v3/users?name=admin"))!["users"]![0]!["id"]!.GetValue<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await store.CreateAsync(new AlarmRecord(
                Guid.NewGuid().ToString(), $"bench-{i}", "d", AlarmTypes.GnocchiResourcesThreshold, true, AlarmStates.InsufficientData, "Not evaluated yet",
                "low", false, [], ["log://"], [], [], new AlarmRule("cpu", null, $"r-{i}", "instance", null, "rate:mean", 60, "gt", 50, 3),
                projectId, userId, now, now), ct));

        var first = await evaluator.RunRoundAsync(CancellationToken.None);
        var steady = await evaluator.RunRoundAsync(CancellationToken.None);
        Console.WriteLine($"alarms: N = {count}, evaluation concurrency 16, stub gnocchi on loopback");
        Print("transition round", first);
        Print("steady round    ", steady);
    }

    private static void Print(string label, EvaluationRound round) =>
        Console.WriteLine($"  {label}: {round.Visited} alarms in {round.Elapsed.TotalMilliseconds:F0} ms = {round.Elapsed.TotalMilliseconds / Math.Max(1, round.Visited):F2} ms/alarm, " +
            $"{round.Visited / round.Elapsed.TotalSeconds:F0} alarms/s; {round.Transitions} transitions, {round.Notified} notifications, {round.Failed} failures");

    private static async Task<WebApplication> StubAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePorts.Next()}");
        var app = builder.Build();
        app.MapGet("/metric/v1/resource/{type}/{id}/metric/{name}/measures", () =>
        {
            var at = DateTimeOffset.UtcNow;
            var points = new JsonArray();
            for (var i = 3; i > 0; i--)
            {
                points.Add(new JsonArray(at.AddMinutes(-i).ToString("yyyy-MM-dd'T'HH:mm:00'+00:00'", CultureInfo.InvariantCulture), 60.0, 90.0));
            }

            return Results.Text(points.ToJsonString(), "application/json");
        });
        await app.StartAsync();
        return app;
    }
}

/// <summary>A private bootstrapped host whose evaluator reads the stub; its own timer stays out of the way.</summary>
public sealed class AlarmBenchmarkHost(string gnocchi) : IdentityHostFixture
{
    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Alarming:GnocchiEndpoint"] = gnocchi;
            settings["FuncCloud:Alarming:EvaluationInterval"] = "01:00:00";
            settings["Logging:LogLevel:Default"] = "Warning";
            return settings;
        }
    }
}
