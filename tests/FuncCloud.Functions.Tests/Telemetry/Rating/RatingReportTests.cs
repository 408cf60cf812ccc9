using System.Globalization;
using System.Text.Json;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.Rating;
using FuncCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Telemetry.Rating;

/// <summary>
/// The rating report (<c>GET /metric/v1/rating/report</c> and <c>./funccloud usage</c>) over resources that really ran:
/// exact quantities over an explicit window, JSON and CSV, the price table, isolation, policy and gnocchi's errors.
/// </summary>
public sealed class RatingReportTests(RatingFixture host) : IClassFixture<RatingFixture>
{
    private const double Tolerance = 1e-9;
    private static readonly double Hours = RatingFixture.Window.TotalHours;

    [Fact]
    public async Task Report_ExactWindow_RatesEveryResourceThatRanAndNothingOfAnotherProject()
    {
        var ran = await host.EnsureAsync();

        var (status, text, type) = await host.GetAsync(host.Demo, $"/v1/rating/report?start={RatingFixture.Iso(ran.Start)}&end={RatingFixture.Iso(ran.End)}");

        status.ShouldBe(200, text);
        type.ShouldBe("application/json");
        var report = JsonDocument.Parse(text).RootElement;
        report.EnumerateObject().Select(p => p.Name).ShouldBe(["project_id", "start", "end", "currency", "summary", "resources", "total"]);
        report.GetProperty("project_id").GetString().ShouldBe(ran.DemoProjectId);
        report.GetProperty("currency").GetString().ShouldBe("EUR");
        report.GetProperty("start").GetString().ShouldBe(ran.Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+00:00");

        var lines = report.GetProperty("resources").EnumerateArray().ToDictionary(l => l.GetProperty("resource_id").GetString()!);
        lines.Keys.ShouldBe([ran.Tiny, ran.Small, ran.VolumeId, "AUTH_" + ran.DemoProjectId, ran.FloatingIpId], ignoreOrder: true);
        Check(lines[ran.Tiny], "compute", "m1.tiny", "hour", Hours, 0.01);
        Check(lines[ran.Small], "compute", "m1.small", "hour", Hours, 0.04);
        Check(lines[ran.VolumeId], "volume", null, "GiB-hour", 2 * Hours, 0.001);
        Check(lines["AUTH_" + ran.DemoProjectId], "object", null, "GiB-hour", RatingFixture.ObjectBytes / (1024.0 * 1024 * 1024) * Hours, 0.002);
        Check(lines[ran.FloatingIpId], "floating_ip", null, "hour", Hours, 0.005);
        lines[ran.Tiny].GetProperty("name").GetString().ShouldBe("r-tiny");
        lines[ran.VolumeId].GetProperty("name").GetString().ShouldBe("r-vol");
        lines[ran.Tiny].EnumerateObject().Select(p => p.Name).ShouldBe(["type", "resource_id", "name", "flavor", "unit", "quantity", "unit_price", "cost"]);

        var summary = report.GetProperty("summary").EnumerateArray().ToList();
        summary.Select(s => (s.GetProperty("type").GetString(), s.GetProperty("flavor").GetString())).ShouldBe(
            [("compute", "m1.tiny"), ("compute", "m1.small"), ("volume", null), ("object", null), ("floating_ip", null)], ignoreOrder: true);
        summary.Single(s => s.GetProperty("flavor").GetString() == "m1.small").GetProperty("quantity").GetDouble().ShouldBe(Hours, Tolerance);
        var total = (Hours * (0.01 + 0.04 + 0.005)) + (2 * Hours * 0.001) + (RatingFixture.ObjectBytes / (1024.0 * 1024 * 1024) * Hours * 0.002);
        report.GetProperty("total").GetDouble().ShouldBe(total, Tolerance);
        text.ShouldNotContain(ran.AdminServer);
        text.ShouldNotContain(ran.AdminFloatingIpId);
    }

    [Fact]
    public async Task Report_Csv_ByFormatByAcceptAndThroughFuncCloudUsage_HasTheSameLines()
    {
        var ran = await host.EnsureAsync();
        var window = $"start={RatingFixture.Iso(ran.Start)}&end={RatingFixture.Iso(ran.End)}";

        var (status, csv, type) = await host.GetAsync(host.Demo, $"/v1/rating/report?{window}&format=csv");
        var (_, byAccept, acceptType) = await host.GetAsync(host.Demo, $"/v1/rating/report?{window}", "text/csv");

        status.ShouldBe(200, csv);
        type.ShouldBe("text/csv");
        acceptType.ShouldBe("text/csv");
        byAccept.ShouldBe(csv);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(',')).ToList();
        rows[0].ShouldBe(["project_id", "start", "end", "type", "resource_id", "name", "flavor", "unit", "quantity", "unit_price", "cost", "currency"]);
        rows.Count.ShouldBe(1 + 5 + 1);
        rows.Skip(1).ShouldAllBe(r => r[0] == ran.DemoProjectId && r[11] == "EUR");
        var small = rows.Single(r => r[4] == ran.Small);
        (small[3], small[5], small[6], small[7]).ShouldBe(("compute", "r-small", "m1.small", "hour"));
        double.Parse(small[8], CultureInfo.InvariantCulture).ShouldBe(Hours, Tolerance);
        double.Parse(small[10], CultureInfo.InvariantCulture).ShouldBe(Hours * 0.04, Tolerance);
        double.Parse(rows.Single(r => r[4] == ran.VolumeId)[8], CultureInfo.InvariantCulture).ShouldBe(2 * Hours, Tolerance);
        rows[^1][3].ShouldBe("total");

        var usage = await FuncCloudUsageAsync(host.Demo, "--start", RatingFixture.Iso(ran.Start), "--end", RatingFixture.Iso(ran.End), "--format", "csv");
        usage.ExitCode.ShouldBe(0, usage.Output);
        usage.StandardOutput.ReplaceLineEndings("\n").Trim().ShouldBe(csv.ReplaceLineEndings("\n").Trim());

        var json = await FuncCloudUsageAsync(host.Admin, "--project", "demo", "--start", RatingFixture.Iso(ran.Start), "--end", RatingFixture.Iso(ran.End));
        json.ExitCode.ShouldBe(0, json.Output);
        var report = JsonDocument.Parse(json.StandardOutput).RootElement;
        report.GetProperty("project_id").GetString().ShouldBe(ran.DemoProjectId);
        report.GetProperty("resources").GetArrayLength().ShouldBe(5);

        var refused = await FuncCloudUsageAsync(host.Demo, "--project", ran.AdminProjectId);
        refused.ExitCode.ShouldBe(1);
        refused.StandardError.ShouldContain("HTTP 403");
    }

    [Fact]
    public async Task Policy_ReaderAndMemberOwnProjectOnly_AdminAnyProject()
    {
        var ran = await host.EnsureAsync();
        var window = $"start={RatingFixture.Iso(ran.Start)}&end={RatingFixture.Iso(ran.End)}";

        foreach (var environment in new[] { host.Demo, host.Reader })
        {
            (await host.GetAsync(environment, $"/v1/rating/report?{window}&project_id={ran.DemoProjectId}")).Status.ShouldBe(200);
            var (status, text, _) = await host.GetAsync(environment, $"/v1/rating/report?{window}&project_id={ran.AdminProjectId}");
            status.ShouldBe(403);
            GnocchiError(text, 403);
        }

        var (adminStatus, adminView, _) = await host.GetAsync(host.Admin, $"/v1/rating/report?{window}&project_id={ran.DemoProjectId}");
        adminStatus.ShouldBe(200);
        JsonDocument.Parse(adminView).RootElement.GetProperty("resources").GetArrayLength().ShouldBe(5);
        var (_, own, _) = await host.GetAsync(host.Admin, $"/v1/rating/report?{window}");
        var ids = JsonDocument.Parse(own).RootElement.GetProperty("resources").EnumerateArray().Select(l => l.GetProperty("resource_id").GetString()).ToList();
        ids.ShouldContain(ran.AdminServer);
        ids.ShouldContain(ran.AdminFloatingIpId);
        ids.ShouldNotContain(ran.Tiny);
        (await host.GetAsync(null, $"/v1/rating/report?{window}")).Status.ShouldBe(401);
    }

    [Fact]
    public async Task BadQueries_Are400InGnocchisShape()
    {
        var ran = await host.EnsureAsync();
        foreach (var query in new[]
        {
            "start=yesterday",
            $"start={RatingFixture.Iso(ran.End)}&end={RatingFixture.Iso(ran.Start)}",
            $"start={RatingFixture.Iso(ran.Start)}&end={RatingFixture.Iso(ran.Start)}",
            "format=xml",
            "bogus=1",
        })
        {
            var (status, text, _) = await host.GetAsync(host.Demo, "/v1/rating/report?" + query);
            status.ShouldBe(400, query);
            GnocchiError(text, 400);
        }
    }

    [Fact]
    public async Task Deletes_EndTheLifecycles_LaterWindowsCountUpToTheDelete()
    {
        var ran = await host.EnsureAsync();
        var beforeDelete = DateTimeOffset.UtcNow;
        await RatingFixture.OkAsync(new Dictionary<string, string>(host.Demo) { ["OS_COMPUTE_API_VERSION"] = "2.79" }, "server", "delete", "--wait", ran.Small);
        await RatingFixture.OkAsync(host.Demo, "floating", "ip", "delete", ran.FloatingIpId);
        await RatingFixture.OkAsync(host.Demo, "object", "delete", "r-bills", "report.bin");
        var afterDelete = DateTimeOffset.UtcNow;
        await Poll.UntilAsync(() => Task.FromResult(DateTimeOffset.UtcNow > afterDelete.AddSeconds(2)), "a moment after the deletes", TimeSpan.FromSeconds(10));

        var (status, text, _) = await host.GetAsync(host.Demo, $"/v1/rating/report?start={RatingFixture.Iso(ran.Start)}");
        status.ShouldBe(200, text);
        var lines = JsonDocument.Parse(text).RootElement.GetProperty("resources").EnumerateArray().ToDictionary(l => l.GetProperty("resource_id").GetString()!);

        var small = (await host.Services.GetRequiredService<ServerRepository>().FindAsync(ran.Small, CancellationToken.None))!;
        lines[ran.Small].GetProperty("quantity").GetDouble().ShouldBe((small.TerminatedAt!.Value - ran.Start).TotalHours, Tolerance);
        var ips = await host.Services.GetRequiredService<ResourceUsageIndex>().QueryAsync(ran.DemoProjectId, UsageKinds.FloatingIp, ran.Start, DateTimeOffset.UtcNow, CancellationToken.None);
        var ended = ips.Single(r => r.ResourceId == ran.FloatingIpId).EndedAt!.Value;
        ended.ShouldBeInRange(beforeDelete, afterDelete);
        lines[ran.FloatingIpId].GetProperty("quantity").GetDouble().ShouldBe((ended - ran.Start).TotalHours, Tolerance);
        var gib = RatingFixture.ObjectBytes / (1024.0 * 1024 * 1024);
        lines["AUTH_" + ran.DemoProjectId].GetProperty("quantity").GetDouble().ShouldBeInRange(
            gib * (beforeDelete - ran.Start).TotalHours - Tolerance, gib * (afterDelete - ran.Start).TotalHours + Tolerance);
        var tinyHours = lines[ran.Tiny].GetProperty("quantity").GetDouble();
        tinyHours.ShouldBeGreaterThan((afterDelete - ran.Start).TotalHours); // still running: counted up to now
    }

    private static void Check(JsonElement line, string type, string? flavor, string unit, double quantity, double price)
    {
        line.GetProperty("type").GetString().ShouldBe(type);
        line.GetProperty("flavor").GetString().ShouldBe(flavor);
        line.GetProperty("unit").GetString().ShouldBe(unit);
        line.GetProperty("quantity").GetDouble().ShouldBe(quantity, Tolerance);
        line.GetProperty("unit_price").GetDouble().ShouldBe(price, Tolerance);
        line.GetProperty("cost").GetDouble().ShouldBe(quantity * price, Tolerance);
    }

    private static void GnocchiError(string text, int code)
    {
        var body = JsonDocument.Parse(text).RootElement;
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["code", "description", "title"], ignoreOrder: true);
        body.GetProperty("code").GetInt32().ShouldBe(code);
    }

    private static Task<ProcessResult> FuncCloudUsageAsync(IDictionary<string, string> environment, params string[] args)
    {
        var variables = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("OS_", StringComparison.Ordinal))
            .ToDictionary(k => k, _ => (string?)null);
        foreach (var (key, value) in environment)
        {
            variables[key] = value;
        }

        return ProcessRunner.RunAsync(Path.Combine(RepositoryRoot.Path, "funccloud"), ["usage", .. args], TimeSpan.FromSeconds(120), environment: variables);
    }
}
