using System.Text.Json;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Telemetry;

/// <summary>The shared host of the measures CLI tests.</summary>
public sealed class MetricCliFixture : IdentityHostFixture;

/// <summary>The real <c>openstack metric ...</c> commands (Debian's gnocchiclient) against a bootstrapped LocalHost.</summary>
public sealed class MetricCliTests(MetricCliFixture host) : IClassFixture<MetricCliFixture>
{
    private Task<CliResult> AdminAsync(params string[] args) => OpenStackCli.RunAsync(host.AdminEnvironment, args);

    private Task<CliResult> DemoAsync(params string[] args) => OpenStackCli.RunAsync(host.DemoEnvironment, args);

    private static async Task<JsonElement> JsonAsync(Task<CliResult> run)
    {
        var result = await run;
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Json;
    }

    [Fact]
    public async Task ArchivePolicies_ListAndShow_GnocchiAndCeilometerDefaults()
    {
        var list = await JsonAsync(AdminAsync("metric", "archive-policy", "list", "-f", "json"));
        list.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldBe(["low", "medium", "high", "ceilometer-low", "ceilometer-low-rate", "ceilometer-high", "ceilometer-high-rate"], ignoreOrder: true);

        var low = await JsonAsync(DemoAsync("metric", "archive-policy", "show", "low", "-f", "json"));
        low.GetProperty("definition").ToString().ShouldContain("30 days, 0:00:00");
        var rules = await JsonAsync(AdminAsync("metric", "archive-policy-rule", "list", "-f", "json"));
        rules.EnumerateArray().ShouldContain(r => r.GetProperty("metric_pattern").GetString() == "*");
    }

    [Fact]
    public async Task Metric_CreateAddShowDelete_AggregatesOnWrite()
    {
        var created = await JsonAsync(AdminAsync("metric", "create", "--archive-policy-name", "medium", "--unit", "B", "temp", "-f", "json"));
        var id = created.GetProperty("id").GetString()!;

        var add = await AdminAsync("metric", "measures", "add", "-m", "2026-12-02T10:00:05@10", "-m", "2026-12-02T10:00:35@20", "-m", "2026-12-02T10:01:10@40", id);
        add.ExitCode.ShouldBe(0, add.ToString());

        var minute = await JsonAsync(AdminAsync("metric", "measures", "show", id, "--granularity", "60", "--refresh", "-f", "json"));
        minute.EnumerateArray().Select(p => p.GetProperty("value").GetDouble()).ShouldBe([15.0, 40.0]);
        var max = await JsonAsync(AdminAsync("metric", "measures", "show", id, "--aggregation", "max", "--granularity", "3600", "-f", "json"));
        max.EnumerateArray().Single().GetProperty("value").GetDouble().ShouldBe(40);

        var list = await JsonAsync(AdminAsync("metric", "list", "-f", "json"));
        list.EnumerateArray().ShouldContain(m => m.GetProperty("id").GetString() == id);
        (await DemoAsync("metric", "show", id)).ExitCode.ShouldNotBe(0);
        (await JsonAsync(DemoAsync("metric", "list", "-f", "json"))).EnumerateArray().ShouldNotContain(m => m.GetProperty("id").GetString() == id);

        (await AdminAsync("metric", "delete", id)).ExitCode.ShouldBe(0);
        var gone = await AdminAsync("metric", "show", id);
        gone.ExitCode.ShouldNotBe(0);
        gone.StandardError.ShouldContain("does not exist");
    }

    [Fact]
    public async Task Resource_CpuRateMeanAndAggregates_ThroughTheCli_InvisibleToAnotherProject()
    {
        var server = Guid.NewGuid().ToString();
        var created = await JsonAsync(AdminAsync(
            "metric", "resource", "create", "--type", "instance", "-a", "display_name:vm1", "-a", "flavor_id:1", "-a", "host:node1",
            "-n", "cpu:ceilometer-low-rate", server, "-f", "json"));
        created.GetProperty("id").GetString().ShouldBe(server);

        // A cumulative cpu time (ns): 60 s of cpu a minute, then 120 s a minute.
        var add = await AdminAsync("metric", "measures", "add", "--resource-id", server,
            "-m", "2026-12-02T10:00:00@0", "-m", "2026-12-02T10:01:00@60000000000", "-m", "2026-12-02T10:02:00@120000000000",
            "-m", "2026-12-02T10:05:00@240000000000", "-m", "2026-12-02T10:06:00@360000000000", "cpu");
        add.ExitCode.ShouldBe(0, add.ToString());

        var rate = await JsonAsync(AdminAsync("metric", "measures", "show", "cpu", "--resource-id", server, "--aggregation", "rate:mean", "-f", "json"));
        rate.EnumerateArray().Select(p => p.GetProperty("value").GetDouble()).ShouldBe([60e9, 120e9]);

        var resources = await JsonAsync(AdminAsync("metric", "resource", "list", "--type", "instance", "-f", "json"));
        resources.EnumerateArray().ShouldContain(r => r.GetProperty("id").GetString() == server && r.GetProperty("host").GetString() == "node1");

        var aggregates = await JsonAsync(AdminAsync("metric", "aggregates", "--resource-type", "instance",
            "(aggregate max (metric cpu mean))", $"id={server}", "-f", "json"));
        aggregates.EnumerateArray().Select(p => p.GetProperty("value").GetDouble()).ShouldBe([60e9, 300e9]); // the 10:00 bucket's mean is 60e9, the 10:05 one's 300e9

        var search = await JsonAsync(AdminAsync("metric", "resource", "search", "--type", "instance", "host=node1 and display_name like 'vm%'", "-f", "json"));
        search.EnumerateArray().ShouldContain(r => r.GetProperty("id").GetString() == server);

        (await JsonAsync(DemoAsync("metric", "resource", "list", "-f", "json"))).EnumerateArray().ShouldNotContain(r => r.GetProperty("id").GetString() == server);
        var hidden = await DemoAsync("metric", "measures", "show", "cpu", "--resource-id", server);
        hidden.ExitCode.ShouldNotBe(0);
        hidden.StandardError.ShouldContain("does not exist");
    }

    [Fact]
    public async Task Resource_UpdateThenHistory_KeepsRevisions()
    {
        var server = Guid.NewGuid().ToString();
        (await AdminAsync("metric", "resource", "create", "--type", "instance", "-a", "display_name:a", "-a", "flavor_id:1", "-a", "host:node1", server)).ExitCode.ShouldBe(0);

        (await AdminAsync("metric", "resource", "update", "--type", "instance", "-a", "host:node2", server)).ExitCode.ShouldBe(0);

        var history = await JsonAsync(AdminAsync("metric", "resource", "history", "--type", "instance", server, "-f", "json"));
        history.EnumerateArray().Select(r => r.GetProperty("host").GetString()).ShouldBe(["node1", "node2"]);
        (await AdminAsync("metric", "resource", "delete", server)).ExitCode.ShouldBe(0);
        (await AdminAsync("metric", "resource", "show", server)).ExitCode.ShouldNotBe(0);
    }
}
