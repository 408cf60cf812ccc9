using System.Globalization;
using System.Net;
using System.Text.Json;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Usage;

/// <summary>
/// <c>os-simple-tenant-usage</c> through Debian's <c>openstack usage list/show</c> and raw calls, over servers that
/// really ran on the Fake driver: nova's hours, totals, states, policy, isolation, paging and 400s.
/// </summary>
public sealed class TenantUsageCliTests(TenantUsageFixture host) : IClassFixture<TenantUsageFixture>
{
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Tomorrow => DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task UsageShow_AsMemberAndReader_CountsTheProjectsServersThatRan()
    {
        var ran = await host.EnsureServersAsync();

        foreach (var environment in new[] { host.Demo, host.Reader })
        {
            var shown = await JsonAsync(environment, "usage", "show", "--start", Today, "--end", Tomorrow, "-f", "json");

            shown.GetProperty("Project").GetString().ShouldBe(ran.DemoProjectId);
            Count(shown.GetProperty("Servers")).ShouldBe(2);
            double.Parse(shown.GetProperty("CPU Hours").ToString(), CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public async Task UsageList_AsAdmin_ListsEveryProjectThatRanServers()
    {
        var ran = await host.EnsureServersAsync();

        var listed = await JsonAsync(host.AdminCli, "usage", "list", "--start", Today, "--end", Tomorrow, "-f", "json");

        var rows = listed.EnumerateArray().ToList();
        Count(rows.Single(r => r.GetProperty("Project").GetString() is "demo" || r.GetProperty("Project").GetString() == ran.DemoProjectId).GetProperty("Servers")).ShouldBe(2);
        Count(rows.Single(r => r.GetProperty("Project").GetString() is "admin" || r.GetProperty("Project").GetString() == ran.AdminProjectId).GetProperty("Servers")).ShouldBe(1);
        ran.AdminProjectId.ShouldNotBe(ran.DemoProjectId);
    }

    [Fact]
    public async Task UsageShow_Detailed_HoursAndTotalsMatchTheRecordedLifecycles()
    {
        var ran = await host.EnsureServersAsync();
        var start = DateTime.UtcNow.AddHours(-1);
        var (status, body) = await GetAsync(host.DemoEnvironment, $"/os-simple-tenant-usage/{ran.DemoProjectId}?start={Iso(start)}&end={Iso(DateTime.UtcNow.AddDays(1))}");
        var now = DateTimeOffset.UtcNow;

        status.ShouldBe(200);
        var usage = body.GetProperty("tenant_usage");
        usage.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["tenant_id", "server_usages", "total_local_gb_usage", "total_vcpus_usage", "total_memory_mb_usage", "total_hours", "start", "stop"], ignoreOrder: true);
        var lines = usage.GetProperty("server_usages").EnumerateArray().ToDictionary(l => l.GetProperty("instance_id").GetString()!);
        lines.Keys.ShouldBe([ran.Tiny, ran.Small], ignoreOrder: true);

        var servers = host.Services.GetRequiredService<ServerRepository>();
        var small = (await servers.FindAsync(ran.Small, CancellationToken.None))!;
        var smallLine = lines[ran.Small];
        smallLine.GetProperty("state").GetString().ShouldBe("terminated");
        smallLine.GetProperty("flavor").GetString().ShouldBe("m1.small");
        smallLine.GetProperty("vcpus").GetInt32().ShouldBe(1);
        smallLine.GetProperty("memory_mb").GetInt32().ShouldBe(2048);
        smallLine.GetProperty("local_gb").GetInt32().ShouldBe(20);
        smallLine.GetProperty("hours").GetDouble().ShouldBe((small.TerminatedAt!.Value - small.LaunchedAt!.Value).TotalHours, 1e-6);
        smallLine.GetProperty("ended_at").GetString().ShouldNotBeNull();
        smallLine.GetProperty("uptime").GetInt64().ShouldBe((long)(small.TerminatedAt!.Value - small.LaunchedAt!.Value).TotalSeconds);

        var tiny = (await servers.FindAsync(ran.Tiny, CancellationToken.None))!;
        var tinyLine = lines[ran.Tiny];
        tinyLine.GetProperty("state").GetString().ShouldBe("active");
        tinyLine.GetProperty("ended_at").ValueKind.ShouldBe(JsonValueKind.Null);
        tinyLine.GetProperty("name").GetString().ShouldBe("u-tiny");
        tinyLine.GetProperty("tenant_id").GetString().ShouldBe(ran.DemoProjectId);
        tinyLine.GetProperty("hours").GetDouble().ShouldBe((now - tiny.LaunchedAt!.Value).TotalHours, 30.0 / 3600);
        tinyLine.EnumerateObject().Count().ShouldBe(12);

        var hours = lines.Values.Sum(l => l.GetProperty("hours").GetDouble());
        usage.GetProperty("total_hours").GetDouble().ShouldBe(hours, 1e-9);
        usage.GetProperty("total_vcpus_usage").GetDouble().ShouldBe(hours, 1e-9);
        usage.GetProperty("total_memory_mb_usage").GetDouble().ShouldBe((512 * tinyLine.GetProperty("hours").GetDouble()) + (2048 * smallLine.GetProperty("hours").GetDouble()), 1e-6);
        usage.GetProperty("total_local_gb_usage").GetDouble().ShouldBe((1 * tinyLine.GetProperty("hours").GetDouble()) + (20 * smallLine.GetProperty("hours").GetDouble()), 1e-6);
        usage.GetProperty("start").GetString().ShouldBe(Iso(start));
    }

    [Fact]
    public async Task UsageShow_WindowAfterTheDeleteOrBeforeTheBoots_ClipsAsNova()
    {
        var ran = await host.EnsureServersAsync();
        var servers = host.Services.GetRequiredService<ServerRepository>();
        var small = (await servers.FindAsync(ran.Small, CancellationToken.None))!;

        var after = small.TerminatedAt!.Value.UtcDateTime.AddSeconds(1);
        var (_, later) = await GetAsync(host.DemoEnvironment, $"/os-simple-tenant-usage/{ran.DemoProjectId}?start={Iso(after)}&end={Iso(DateTime.UtcNow.AddDays(1))}");
        later.GetProperty("tenant_usage").GetProperty("server_usages").EnumerateArray()
            .Select(l => l.GetProperty("instance_id").GetString()).ShouldBe([ran.Tiny]);

        var (_, before) = await GetAsync(host.DemoEnvironment, $"/os-simple-tenant-usage/{ran.DemoProjectId}?start=2020-01-01T00:00:00&end=2020-01-02T00:00:00");
        before.GetProperty("tenant_usage").EnumerateObject().ShouldBeEmpty();
    }

    [Fact]
    public async Task Policy_MemberCannotListOrSeeAnotherProject_ReaderCannotList()
    {
        var ran = await host.EnsureServersAsync();

        var list = await OpenStackCli.RunAsync(host.Demo, "usage", "list");
        list.ExitCode.ShouldNotBe(0);
        list.StandardError.ShouldContain("HTTP 403");

        foreach (var environment in new[] { host.DemoEnvironment, host.PasswordEnvironment(TenantUsageFixture.ReaderName, TenantUsageFixture.ReaderPassword, "demo") })
        {
            var (status, body) = await GetAsync(environment, $"/os-simple-tenant-usage/{ran.AdminProjectId}");
            status.ShouldBe(403);
            body.GetProperty("forbidden").GetProperty("message").GetString()!.ShouldContain("os-simple-tenant-usage:show");
            (await GetAsync(environment, "/os-simple-tenant-usage")).Status.ShouldBe(403);
        }

        var (adminStatus, adminView) = await GetAsync(host.AdminEnvironment, $"/os-simple-tenant-usage/{ran.DemoProjectId}?{Window}");
        adminStatus.ShouldBe(200);
        adminView.GetProperty("tenant_usage").GetProperty("server_usages").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task BadDates_StartAfterEnd_UnknownMarker_Are400InNovasShape()
    {
        var ran = await host.EnsureServersAsync();
        foreach (var query in new[]
        {
            "?start=yesterday",
            "?start=2026-01-01&end=2026-01-02",
            "?start=2026-01-02T00:00:00&end=2026-01-01T00:00:00",
            "?start=2026-01-01T00:00:00&end=2026-01-01T00:00:00",
            "?limit=-1",
            "?marker=" + Guid.NewGuid(),
            "?bogus=1",
        })
        {
            var (status, body) = await GetAsync(host.AdminEnvironment, "/os-simple-tenant-usage" + query);
            status.ShouldBe(400, query);
            body.GetProperty("badRequest").GetProperty("code").GetInt32().ShouldBe(400);
        }

        var (noWindow, empty) = await GetAsync(host.DemoEnvironment, $"/os-simple-tenant-usage/{ran.DemoProjectId}");
        noWindow.ShouldBe(200); // start and end both default to now: an empty window, as nova
        empty.GetProperty("tenant_usage").GetProperty("total_hours").GetDouble().ShouldBe(0, 1e-6);
        var (showStatus, _) = await GetAsync(host.DemoEnvironment, $"/os-simple-tenant-usage/{ran.DemoProjectId}?{Window}&detailed=1");
        showStatus.ShouldBe(400);
        var (oldStatus, _) = await GetAsync(host.DemoEnvironment, $"/os-simple-tenant-usage/{ran.DemoProjectId}?{Window}&detailed=1", "2.74");
        oldStatus.ShouldBe(200);
    }

    [Fact]
    public async Task List_LimitAndMarker_PagesServersInProjectThenIdOrder()
    {
        var ran = await host.EnsureServersAsync();
        var window = $"start={Iso(DateTime.UtcNow.AddDays(-1))}&end={Iso(DateTime.UtcNow.AddDays(1))}&detailed=1";
        var seen = new List<string>();
        string? marker = null;
        for (var page = 0; page < 5; page++)
        {
            var (status, body) = await GetAsync(host.AdminEnvironment, $"/os-simple-tenant-usage?{window}&limit=1" + (marker is null ? string.Empty : "&marker=" + marker));
            status.ShouldBe(200);
            var ids = body.GetProperty("tenant_usages").EnumerateArray().SelectMany(u => u.GetProperty("server_usages").EnumerateArray()).Select(s => s.GetProperty("instance_id").GetString()!).ToList();
            if (ids.Count == 0)
            {
                body.TryGetProperty("tenant_usages_links", out _).ShouldBeFalse();
                break;
            }

            ids.Count.ShouldBe(1);
            seen.Add(ids[0]);
            var next = body.GetProperty("tenant_usages_links")[0];
            next.GetProperty("rel").GetString().ShouldBe("next");
            next.GetProperty("href").GetString()!.ShouldContain("marker=" + ids[0]);
            marker = ids[0];
        }

        seen.ShouldBe([ran.Tiny, ran.Small, ran.Admin], ignoreOrder: true);
        var expected = new[] { (ran.DemoProjectId, ran.Tiny), (ran.DemoProjectId, ran.Small), (ran.AdminProjectId, ran.Admin) }
            .OrderBy(p => p.Item1, StringComparer.Ordinal).ThenBy(p => p.Item2, StringComparer.Ordinal).Select(p => p.Item2);
        seen.ShouldBe(expected);
    }

    private static string Window => $"start={Iso(DateTime.UtcNow.AddDays(-1))}&end={Iso(DateTime.UtcNow.AddDays(1))}";

    // The CLI's Servers column is the count in a table and the list itself with -f json.
    private static int Count(JsonElement servers) => servers.ValueKind == JsonValueKind.Array ? servers.GetArrayLength() : int.Parse(servers.ToString(), CultureInfo.InvariantCulture);

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private async Task<(int Status, JsonElement Body)> GetAsync(IDictionary<string, string> environment, string path, string version = "2.79")
    {
        var token = (await JsonAsync(environment, "token", "issue", "-f", "json")).GetProperty("id").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/compute/v2.1" + path);
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.Add("X-OpenStack-Nova-API-Version", version);
        using var response = await host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<JsonElement> JsonAsync(IDictionary<string, string> environment, params string[] args)
    {
        var result = await OpenStackCli.RunAsync(environment, args);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Json;
    }
}
