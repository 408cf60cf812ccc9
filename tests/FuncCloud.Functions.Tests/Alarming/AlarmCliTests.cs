using System.Text.Json;
using FuncCloud.Functions.Alarming.Evaluation;
using FuncCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Alarming;

/// <summary>The shared host of the alarm CLI tests.</summary>
public sealed class AlarmCliFixture : AlarmHostFixture;

/// <summary>The real <c>openstack alarm ...</c> commands (Debian's python3-aodhclient) against a bootstrapped LocalHost.</summary>
public sealed class AlarmCliTests(AlarmCliFixture host) : IClassFixture<AlarmCliFixture>
{
    private Task<CliResult> AdminAsync(params string[] args) => OpenStackCli.RunAsync(host.AdminEnvironment, args);

    private Task<CliResult> DemoAsync(params string[] args) => OpenStackCli.RunAsync(host.DemoEnvironment, args);

    private static async Task<JsonElement> JsonAsync(Task<CliResult> run)
    {
        var result = await run;
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Json;
    }

    private static async Task<CliResult> OkAsync(Task<CliResult> run)
    {
        var result = await run;
        result.ExitCode.ShouldBe(0, result.ToString());
        return result;
    }

    private static string Text(JsonElement element, string name) =>
        element.GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : element.GetProperty(name).ToString();

    [Fact]
    public async Task AlarmLifecycle_CreateListShowUpdateStateHistoryDelete_WorksThroughAodhclient()
    {
        var created = await JsonAsync(DemoAsync(
            "alarm", "create", "--name", "cpu-high", "--type", "gnocchi_resources_threshold", "--metric", "cpu",
            "--resource-id", "5a3e3c3d-0000-4000-8000-000000000001", "--resource-type", "instance", "--threshold", "80",
            "--aggregation-method", "rate:mean", "--granularity", "60", "--evaluation-periods", "2", "--comparison-operator", "gt",
            "--alarm-action", host.Gnocchi.Hook("cli"), "-f", "json"));
        var id = Text(created, "alarm_id");
        Text(created, "state").ShouldBe("insufficient data");
        Text(created, "metric").ShouldBe("cpu");
        Text(created, "aggregation_method").ShouldBe("rate:mean");

        var list = await JsonAsync(DemoAsync("alarm", "list", "-f", "json"));
        list.EnumerateArray().ShouldContain(a => Text(a, "alarm_id") == id && Text(a, "name") == "cpu-high");
        var filtered = await JsonAsync(DemoAsync("alarm", "list", "--filter", "name=cpu-high", "-f", "json"));
        filtered.GetArrayLength().ShouldBe(1);

        (await JsonAsync(DemoAsync("alarm", "show", id, "-f", "json"))).GetProperty("resource_type").GetString().ShouldBe("instance");
        (await JsonAsync(DemoAsync("alarm", "show", "--name", "cpu-high", "-f", "json"))).GetProperty("alarm_id").GetString().ShouldBe(id);

        var updated = await JsonAsync(DemoAsync("alarm", "update", "--threshold", "90", "--severity", "critical", id, "-f", "json"));
        Text(updated, "threshold").ShouldStartWith("90");
        Text(updated, "severity").ShouldBe("critical");

        await OkAsync(DemoAsync("alarm", "state", "set", "--state", "alarm", id));
        (await OkAsync(DemoAsync("alarm", "state", "get", id, "-f", "json"))).StandardOutput.ShouldContain("alarm");

        var history = await JsonAsync(DemoAsync("alarm-history", "show", id, "-f", "json"));
        history.EnumerateArray().Select(h => Text(h, "type")).ShouldBe(["state transition", "rule change", "creation"]);

        (await DemoAsync("alarm", "create", "--name", "elsewhere", "--type", "gnocchi_resources_threshold", "--metric", "cpu",
            "--resource-id", "r", "--resource-type", "instance", "--threshold", "1", "--aggregation-method", "mean",
            "--alarm-action", "http://192.0.2.1/hook")).ExitCode.ShouldNotBe(0);

        await OkAsync(DemoAsync("alarm", "delete", id));
        (await DemoAsync("alarm", "show", id)).ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public async Task Isolation_AnotherProjectsAlarm_IsAbsentFromListAndShow()
    {
        var created = await JsonAsync(AdminAsync(
            "alarm", "create", "--name", "admin-only", "--type", "gnocchi_aggregation_by_metrics_threshold", "--metrics", "m1", "--metrics", "m2",
            "--threshold", "5", "--aggregation-method", "mean", "-f", "json"));
        var id = Text(created, "alarm_id");
        (await JsonAsync(DemoAsync("alarm", "list", "-f", "json"))).EnumerateArray().ShouldNotContain(a => Text(a, "alarm_id") == id);
        (await DemoAsync("alarm", "show", id)).ExitCode.ShouldNotBe(0);
        (await DemoAsync("alarm", "delete", id)).ExitCode.ShouldNotBe(0);
        (await JsonAsync(AdminAsync("alarm", "show", id, "-f", "json"))).GetProperty("name").GetString().ShouldBe("admin-only");
    }

    [Fact]
    public async Task Reader_CanReadButNotWrite()
    {
        await OkAsync(AdminAsync("user", "create", "--password", "alarm-reader-pass", "alarm-reader"));
        await OkAsync(AdminAsync("role", "add", "--project", "demo", "--user", "alarm-reader", "reader"));
        var reader = host.PasswordEnvironment("alarm-reader", "alarm-reader-pass", "demo");
        var created = await JsonAsync(DemoAsync(
            "alarm", "create", "--name", "readable", "--type", "gnocchi_resources_threshold", "--metric", "cpu", "--resource-id", "r",
            "--resource-type", "instance", "--threshold", "1", "--aggregation-method", "mean", "-f", "json"));
        var id = Text(created, "alarm_id");
        (await OpenStackCli.RunAsync(reader, "alarm", "show", id, "-f", "json")).ExitCode.ShouldBe(0);
        (await OpenStackCli.RunAsync(reader, "alarm", "list", "-f", "json")).ExitCode.ShouldBe(0);
        (await OpenStackCli.RunAsync(reader, "alarm", "state", "set", "--state", "ok", id)).ExitCode.ShouldNotBe(0);
        (await OpenStackCli.RunAsync(reader, "alarm", "delete", id)).ExitCode.ShouldNotBe(0);
        (await OpenStackCli.RunAsync(reader, "alarm", "create", "--name", "nope", "--type", "gnocchi_resources_threshold", "--metric", "cpu",
            "--resource-id", "r", "--resource-type", "instance", "--threshold", "1", "--aggregation-method", "mean")).ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public async Task Evaluation_HighThenCalmCpu_FiresHookAndHistoryListsBothTransitions()
    {
        const string resource = "5a3e3c3d-0000-4000-8000-0000000000e2";
        var created = await JsonAsync(DemoAsync(
            "alarm", "create", "--name", "cpu-e2e", "--type", "gnocchi_resources_threshold", "--metric", "cpu",
            "--resource-id", resource, "--resource-type", "instance", "--threshold", "80", "--aggregation-method", "rate:mean",
            "--granularity", "60", "--evaluation-periods", "2", "--comparison-operator", "gt",
            "--alarm-action", host.Gnocchi.Hook("e2e-alarm"), "--ok-action", host.Gnocchi.Hook("e2e-ok"), "-f", "json"));
        var id = Text(created, "alarm_id");
        var evaluator = host.Services.GetRequiredService<AlarmEvaluator>();

        host.Gnocchi.Set(resource, 95, 97);
        await evaluator.RunRoundAsync(CancellationToken.None);
        Text(await JsonAsync(DemoAsync("alarm", "show", id, "-f", "json")), "state").ShouldBe("alarm");
        var fired = host.Gnocchi.HooksOf("e2e-alarm").ShouldHaveSingleItem();
        fired["alarm_id"]!.GetValue<string>().ShouldBe(id);
        fired["current"]!.GetValue<string>().ShouldBe("alarm");

        host.Gnocchi.Set(resource, 10, 12);
        await evaluator.RunRoundAsync(CancellationToken.None);
        Text(await JsonAsync(DemoAsync("alarm", "show", id, "-f", "json")), "state").ShouldBe("ok");
        host.Gnocchi.HooksOf("e2e-ok").ShouldHaveSingleItem()["previous"]!.GetValue<string>().ShouldBe("alarm");

        var transitions = (await JsonAsync(DemoAsync("alarm-history", "show", id, "-f", "json"))).EnumerateArray()
            .Where(h => Text(h, "type") == "state transition").Select(h => Text(h, "detail")).ToList();
        transitions.Count.ShouldBe(2);
        transitions[0].ShouldContain("\"ok\"");
        transitions[1].ShouldContain("\"alarm\"");
    }
}
