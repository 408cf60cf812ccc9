using System.Net;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Alarming.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Alarming;

/// <summary>The shared host of the evaluator tests.</summary>
public sealed class AlarmEvaluatorFixture : AlarmHostFixture;

/// <summary>The evaluator against a stub Gnocchi on loopback: semantics, actions, tokens, replicas.</summary>
public sealed class AlarmEvaluatorTests(AlarmEvaluatorFixture host) : IClassFixture<AlarmEvaluatorFixture>
{
    private AlarmEvaluator Evaluator => host.Services.GetRequiredService<AlarmEvaluator>();

    private async Task<(HttpClient Client, string Id)> CreateAsync(JsonObject body)
    {
        var demo = host.ClientWith(await host.DemoTokenAsync());
        using var response = await demo.PostAsync("/alarming/v2/alarms", AlarmHostFixture.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        return (demo, JsonNode.Parse(text)!["alarm_id"]!.GetValue<string>());
    }

    private static async Task<JsonNode> GetAsync(HttpClient client, string id) =>
        JsonNode.Parse(await client.GetStringAsync($"/alarming/v2/alarms/{id}"))!;

    [Fact]
    public async Task Round_RepeatActions_NotifiesEveryRoundWhileInAlarm()
    {
        var (client, id) = await CreateAsync(AlarmHostFixture.ResourceAlarm("repeat", "r-repeat", 50, hook: host.Gnocchi.Hook("repeat"), repeat: true));
        host.Gnocchi.Set("r-repeat", 60, 70);
        await Evaluator.RunRoundAsync(CancellationToken.None);
        await Evaluator.RunRoundAsync(CancellationToken.None);
        (await GetAsync(client, id))["state"]!.GetValue<string>().ShouldBe("alarm");
        var hooks = host.Gnocchi.HooksOf("repeat-alarm");
        hooks.Count.ShouldBe(2);
        hooks[1]["previous"]!.GetValue<string>().ShouldBe("alarm");
        hooks[1]["reason"]!.GetValue<string>().ShouldStartWith("Remaining as alarm");
        hooks[0].AsObject().Select(p => p.Key).Order().ShouldBe(["alarm_id", "alarm_name", "current", "previous", "reason", "reason_data", "severity"]);
    }

    [Fact]
    public async Task Round_GnocchiFails_GoesToInsufficientData()
    {
        var (client, id) = await CreateAsync(AlarmHostFixture.ResourceAlarm("broken", "r-broken", 50, periods: 1));
        host.Gnocchi.Set("r-broken", 60);
        await Evaluator.RunRoundAsync(CancellationToken.None);
        (await GetAsync(client, id))["state"]!.GetValue<string>().ShouldBe("alarm");
        host.Gnocchi.FailWith = 503;
        try
        {
            await Evaluator.RunRoundAsync(CancellationToken.None);
        }
        finally
        {
            host.Gnocchi.FailWith = null;
        }

        var alarm = await GetAsync(client, id);
        alarm["state"]!.GetValue<string>().ShouldBe("insufficient data");
        alarm["state_reason"]!.GetValue<string>().ShouldBe("1 datapoints are unknown");
    }

    [Fact]
    public async Task Round_OutsideTimeConstraint_IsNotEvaluated()
    {
        var body = AlarmHostFixture.ResourceAlarm("constrained", "r-tc", 50, periods: 1);
        var hour = (DateTime.UtcNow.Hour + 12) % 24; // a one-minute window half a day away
        body["time_constraints"] = new JsonArray(new JsonObject { ["name"] = "later", ["start"] = $"0 {hour} * * *", ["duration"] = 60, ["timezone"] = "UTC" });
        var (client, id) = await CreateAsync(body);
        host.Gnocchi.Set("r-tc", 99);
        await Evaluator.RunRoundAsync(CancellationToken.None);
        (await GetAsync(client, id))["state"]!.GetValue<string>().ShouldBe("insufficient data");
        (await GetAsync(client, id))["time_constraints"]![0]!["description"]!.GetValue<string>().ShouldBe($"Time constraint at 0 {hour} * * * lasting for 60 seconds");
    }

    [Fact]
    public async Task Round_ReadsGnocchiWithTheOwnersProjectToken()
    {
        var (client, id) = await CreateAsync(AlarmHostFixture.ResourceAlarm("token", "r-token", 50, periods: 1));
        host.Gnocchi.Set("r-token", 1);
        await Evaluator.RunRoundAsync(CancellationToken.None);
        var request = host.Gnocchi.Requests.Last(r => r.Path == "instance/r-token/cpu");
        request.Query.ShouldContain("aggregation=rate%3Amean");
        request.Query.ShouldContain("granularity=60");
        request.Query.ShouldContain("start=");

        // The token is a valid demo-project token: with it, the demo project's alarm is visible.
        using var asEvaluator = host.ClientWith(request.Token);
        (await GetAsync(asEvaluator, id))["name"]!.GetValue<string>().ShouldBe("token");
        (await GetAsync(client, id))["state"]!.GetValue<string>().ShouldBe("ok");
    }

    [Fact]
    public async Task Round_AggregationRules_PostAodhOperationsToAggregates()
    {
        var body = new JsonObject
        {
            ["name"] = "by-resources",
            ["type"] = "gnocchi_aggregation_by_resources_threshold",
            ["gnocchi_aggregation_by_resources_threshold_rule"] = new JsonObject
            {
                ["metric"] = "cpu",
                ["resource_type"] = "instance",
                ["query"] = """{"=": {"server_group": "web"}}""",
                ["aggregation_method"] = "mean",
                ["granularity"] = 60,
                ["comparison_operator"] = "ge",
                ["threshold"] = 10,
                ["evaluation_periods"] = 1,
            },
        };
        var (client, id) = await CreateAsync(body);
        host.Gnocchi.Set("aggregates", 11);
        await Evaluator.RunRoundAsync(CancellationToken.None);
        (await GetAsync(client, id))["state"]!.GetValue<string>().ShouldBe("alarm");
        var sent = host.Gnocchi.Requests.Last(r => r.Kind == "aggregates").Body!;
        sent["resource_type"]!.GetValue<string>().ShouldBe("instance");
        sent["search"]!.ToJsonString().ShouldBe("""{"=":{"server_group":"web"}}""");
        sent["operations"]!.ToJsonString().ShouldBe("""["aggregate","mean",["metric","cpu","mean"]]""");
    }

    [Fact]
    public async Task Round_TwoReplicasAtOnce_FireTheTransitionOnce()
    {
        var (client, id) = await CreateAsync(AlarmHostFixture.ResourceAlarm("replicas", "r-replicas", 50, periods: 1, hook: host.Gnocchi.Hook("replicas")));
        host.Gnocchi.Set("r-replicas", 90);
        await Task.WhenAll(Evaluator.RunRoundAsync(CancellationToken.None), Evaluator.RunRoundAsync(CancellationToken.None), Evaluator.RunRoundAsync(CancellationToken.None));
        (await GetAsync(client, id))["state"]!.GetValue<string>().ShouldBe("alarm");
        host.Gnocchi.HooksOf("replicas-alarm").Count.ShouldBe(1);
        var history = JsonNode.Parse(await client.GetStringAsync($"/alarming/v2/alarms/{id}/history?q.field=type&q.value=state%20transition"))!.AsArray();
        history.Count.ShouldBe(1);
    }
}

/// <summary>A host whose timer evaluates every second.</summary>
public sealed class AlarmTimerFixture : AlarmHostFixture
{
    /// <inheritdoc />
    protected override string EvaluationInterval => "00:00:01";
}

/// <summary>The timer-triggered function drives evaluation on its own.</summary>
public sealed class AlarmTimerTests(AlarmTimerFixture host) : IClassFixture<AlarmTimerFixture>
{
    [Fact]
    public async Task Timer_AlarmBreaches_GoesToAlarmWithoutAnyoneCallingTheEvaluator()
    {
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        host.Gnocchi.Set("r-timer", 99, 99);
        using var created = await demo.PostAsync("/alarming/v2/alarms", AlarmHostFixture.Json(AlarmHostFixture.ResourceAlarm("timer", "r-timer", 50, hook: host.Gnocchi.Hook("timer"))));
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["alarm_id"]!.GetValue<string>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        string? state = null;
        while (DateTime.UtcNow < deadline)
        {
            state = JsonNode.Parse(await demo.GetStringAsync($"/alarming/v2/alarms/{id}/state"))!.GetValue<string>();
            if (state == "alarm" && host.Gnocchi.HooksOf("timer-alarm").Count > 0)
            {
                break;
            }

            await Task.Delay(500);
        }

        state.ShouldBe("alarm");
        host.Gnocchi.HooksOf("timer-alarm").Count.ShouldBe(1);
    }
}
