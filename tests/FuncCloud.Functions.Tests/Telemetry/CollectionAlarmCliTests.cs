using System.Text.Json;
using FuncCloud.Functions.Tests.Alarming;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Telemetry;

/// <summary>
/// The whole metering loop in one process: a Fake node whose pollster samples every second, the samples ingest
/// writing 1-second series (<c>ceilometer-high-rate</c>), and the alarm evaluator reading the real measures service
/// every round (the timer's 5 s tick), with 10 s of ingestion lag allowed for a busy machine.
/// </summary>
public sealed class MeteredComputeFixture : ComputeHostFixture
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Telemetry:Collection:ArchivePolicy"] = "high";
            settings["FuncCloud:Alarming:EvaluationInterval"] = "00:00:01";
            settings["FuncCloud:Alarming:AdditionalIngestionLag"] = "00:00:10";
            return settings;
        }
    }

    protected override IDictionary<string, string?> AgentSettings => new Dictionary<string, string?>
    {
        ["FuncCloud:Agent:Pollster"] = "true",
        ["FuncCloud:Agent:PollingInterval"] = "00:00:01",
    };
}

/// <summary>Issue 17's "Done when", through Debian's gnocchiclient and aodhclient (<c>openstack metric</c> / <c>openstack alarm</c>).</summary>
public sealed class CollectionAlarmCliTests(MeteredComputeFixture host) : IClassFixture<MeteredComputeFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);

    private Task<CliResult> DemoAsync(params string[] args) => OpenStackCli.RunAsync(host.DemoEnvironment, args);

    private Task<CliResult> AdminAsync(params string[] args) => OpenStackCli.RunAsync(host.AdminEnvironment, args);

    private static async Task<JsonElement> JsonAsync(Task<CliResult> run)
    {
        var result = await run;
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Json;
    }

    private static string Text(JsonElement element, string name) =>
        element.GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : element.GetProperty(name).ToString();

    [Fact]
    public async Task FakeServerCpu_MeasuresAlarmHookAndHistory_ThroughTheClients_InvisibleToAnotherProject()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var server = await api.BootAsync("metered");
        (await api.WaitSettledAsync(server, Wait)).GetProperty("status").GetString().ShouldBe("ACTIVE");

        // The pollster's samples become the owner's gnocchi resources with the server's attributes.
        JsonElement instance = default;
        await Poll.UntilAsync(async () =>
        {
            var list = await JsonAsync(DemoAsync("metric", "resource", "list", "--type", "instance", "-f", "json"));
            instance = list.EnumerateArray().FirstOrDefault(r => Text(r, "id") == server);
            return instance.ValueKind == JsonValueKind.Object;
        }, "the server's instance resource", Wait);
        Text(instance, "display_name").ShouldBe("metered");
        Text(instance, "host").ShouldBe("local");
        Text(instance, "flavor_id").ShouldBe("1");
        Text(instance, "project_id").ShouldNotBeNullOrEmpty();
        var disks = await JsonAsync(DemoAsync("metric", "resource", "list", "--type", "instance_disk", "-f", "json"));
        disks.EnumerateArray().ShouldContain(d => Text(d, "instance_id") == server && Text(d, "name") == "vda");

        JsonElement rates = default;
        await Poll.UntilAsync(async () =>
        {
            rates = await JsonAsync(DemoAsync("metric", "measures", "show", "cpu", "--resource-id", server, "--aggregation", "rate:mean", "--granularity", "1", "-f", "json"));
            return rates.GetArrayLength() >= 2;
        }, "cpu rate measures", Wait);
        rates.EnumerateArray().ShouldAllBe(p => p.GetProperty("value").GetDouble() >= 0);

        var aggregates = await JsonAsync(DemoAsync("metric", "aggregates", "--resource-type", "instance", "--granularity", "1",
            "(aggregate mean (metric cpu rate:mean))", $"id={server}", "-f", "json"));
        aggregates.GetArrayLength().ShouldBeGreaterThan(0);

        await using var hooks = new StubGnocchi();
        var created = await JsonAsync(DemoAsync(
            "alarm", "create", "--name", "metered-cpu", "--type", "gnocchi_resources_threshold", "--metric", "cpu",
            "--resource-id", server, "--resource-type", "instance", "--aggregation-method", "rate:mean", "--granularity", "1",
            "--evaluation-periods", "3", "--comparison-operator", "gt", "--threshold", "500000000",
            "--alarm-action", hooks.Hook("alarm"), "--ok-action", hooks.Hook("ok"), "-f", "json"));
        var alarm = Text(created, "alarm_id");

        // The guest idles (5% of a vCPU): the alarm settles at ok.
        await WaitForStateAsync(alarm, "ok");

        host.Drivers.Get("local").SetCpuUtilization(server, 95);
        await WaitForStateAsync(alarm, "alarm");
        await Poll.UntilAsync(() => Task.FromResult(hooks.HooksOf("alarm").Count > 0), "the alarm hook", Wait);
        var fired = hooks.HooksOf("alarm")[0];
        fired["alarm_id"]!.GetValue<string>().ShouldBe(alarm);
        fired["current"]!.GetValue<string>().ShouldBe("alarm");

        host.Drivers.Get("local").SetCpuUtilization(server, 1);
        await WaitForStateAsync(alarm, "ok");
        await Poll.UntilAsync(() => Task.FromResult(hooks.HooksOf("ok").Any(h => h["previous"]!.GetValue<string>() == "alarm")), "the ok hook after the alarm", Wait);

        var transitions = (await JsonAsync(DemoAsync("alarm-history", "show", alarm, "-f", "json"))).EnumerateArray()
            .Where(h => Text(h, "type") == "state transition").Select(h => Text(h, "detail")).ToList();
        transitions.Count.ShouldBeGreaterThanOrEqualTo(3); // insufficient data → ok → alarm → ok, newest first
        transitions[0].ShouldContain("\"ok\"");
        transitions.Skip(1).ShouldContain(t => t.Contains("\"alarm\""));

        // Another project sees none of it.
        await OkAsync(AdminAsync("project", "create", "metering-other"));
        await OkAsync(AdminAsync("user", "create", "--password", "metering-other-pass", "metering-other"));
        await OkAsync(AdminAsync("role", "add", "--project", "metering-other", "--user", "metering-other", "member"));
        var other = host.PasswordEnvironment("metering-other", "metering-other-pass", "metering-other");
        (await JsonAsync(OpenStackCli.RunAsync(other, "metric", "resource", "list", "-f", "json"))).EnumerateArray()
            .ShouldNotContain(r => Text(r, "id") == server || Text(r, "project_id") == Text(instance, "project_id"));
        (await OpenStackCli.RunAsync(other, "metric", "measures", "show", "cpu", "--resource-id", server)).ExitCode.ShouldNotBe(0);
        (await JsonAsync(OpenStackCli.RunAsync(other, "alarm", "list", "-f", "json"))).EnumerateArray().ShouldNotContain(a => Text(a, "alarm_id") == alarm);

        // Deleting the server ends its resource (the delete event meter).
        using var delete = await api.SendAsync(HttpMethod.Delete, $"/compute/v2.1/servers/{server}", null);
        delete.IsSuccessStatusCode.ShouldBeTrue();
        await Poll.UntilAsync(async () =>
        {
            var shown = await JsonAsync(DemoAsync("metric", "resource", "show", "--type", "instance", server, "-f", "json"));
            return shown.GetProperty("ended_at").ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(Text(shown, "ended_at"));
        }, "the instance resource to end", Wait);
    }

    private async Task WaitForStateAsync(string alarm, string state) =>
        await Poll.UntilAsync(async () => Text(await JsonAsync(DemoAsync("alarm", "show", alarm, "-f", "json")), "state") == state, $"the alarm to be {state}", Wait);

    private static async Task OkAsync(Task<CliResult> run)
    {
        var result = await run;
        result.ExitCode.ShouldBe(0, result.ToString());
    }
}
