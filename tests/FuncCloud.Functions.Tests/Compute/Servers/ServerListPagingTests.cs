using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using FuncCloud.Shared.Compute.Servers;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.Storage;
using FuncCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Servers;

/// <summary>A compute host of its own for the paging tests (they count the project's servers exactly).</summary>
public sealed class ServerListPagingFixture : ComputeHostFixture;

/// <summary>
/// The server list read from the list index: limit/marker walks in both directions, deleted servers and other
/// projects' servers, storage-side filters, and the backfill of rows written before the index.
/// </summary>
public sealed class ServerListPagingTests(ServerListPagingFixture host) : IClassFixture<ServerListPagingFixture>
{
    private static readonly ServerFlavor Tiny = new("1", "m1.tiny", 1, 512, 1, 0, 0, new Dictionary<string, string>());
    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static List<ServerRecord>? _seeded;

    private ServerRepository Servers => host.Services.GetRequiredService<ServerRepository>();

    [Fact]
    public async Task Paging250Servers_LimitAndMarker_BothDirections_EachExactlyOnce_InNovaOrder_NoOtherProject()
    {
        var (demo, seeded) = await SeedAsync();
        var mine = seeded.Where(s => s.ProjectId == demo.Project).ToList();
        var newestFirst = mine.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id, StringComparer.Ordinal).Select(s => s.Id).ToList();

        // (The other tests of the class add a few servers of their own to the project: compare the seeded ones.)
        var ours = seeded.Select(s => s.Id).ToHashSet();
        var descending = await WalkAsync(demo.Token, "/compute/v2.1/servers?limit=17");
        descending.Distinct().Count().ShouldBe(descending.Count);
        descending.Where(ours.Contains).ShouldBe(newestFirst);
        descending.ShouldNotContain(id => seeded.Any(s => s.Id == id && s.ProjectId != demo.Project));
        var ascending = await WalkAsync(demo.Token, "/compute/v2.1/servers/detail?limit=23&sort_key=created_at&sort_dir=asc");
        ascending.Distinct().Count().ShouldBe(ascending.Count);
        ascending.Where(ours.Contains).ShouldBe(Enumerable.Reverse(newestFirst).ToList());

        // An admin's all_tenants walk sees both projects' servers, each once; without it, only the admin's own project.
        var admin = await host.TokenAsync("admin", IdentityHostFixture.AdminPassword, "admin");
        var all = await WalkAsync(admin, "/compute/v2.1/servers?all_tenants=1&limit=100");
        all.Distinct().Count().ShouldBe(all.Count);
        seeded.Select(s => s.Id).ShouldAllBe(id => all.Contains(id));
        (await WalkAsync(admin, $"/compute/v2.1/servers?all_tenants=1&project_id={demo.Project}&limit=40")).Where(ours.Contains).ShouldBe(newestFirst);
        (await WalkAsync(admin, "/compute/v2.1/servers?limit=100")).ShouldBeEmpty();
    }

    [Fact]
    public async Task DeletedServer_VanishesFromTheIndex_StaysInChangesSince()
    {
        var (demo, _) = await SeedAsync();
        var doomed = Record(demo.Project, "doomed", DateTimeOffset.UtcNow);
        await Servers.InsertAsync(doomed, CancellationToken.None);
        (await WalkAsync(demo.Token, "/compute/v2.1/servers?limit=50")).ShouldContain(doomed.Id);

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await Servers.UpdateAsync(doomed.Id, s => s with { VmState = VmStates.Deleted, TaskState = null, UpdatedAt = DateTimeOffset.UtcNow }, CancellationToken.None);

        (await WalkAsync(demo.Token, "/compute/v2.1/servers?limit=50")).ShouldNotContain(doomed.Id);
        (await WalkAsync(demo.Token, "/compute/v2.1/servers/detail?limit=50&sort_dir=asc")).ShouldNotContain(doomed.Id);
        var live = await IndexRowsAsync(doomed.Id, "x:l:");
        live.ShouldBe(0);
        (await IndexRowsAsync(doomed.Id, "x:d:")).ShouldBe(4);

        // changes-since lists deleted servers too (nova), merged in order with the live ones changed since then.
        using var changed = await GetAsync(demo.Token, $"/compute/v2.1/servers/detail?changes-since={Uri.EscapeDataString(before.ToString("O"))}");
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var servers = (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("servers").EnumerateArray().ToList();
        servers.Single(s => s.GetProperty("id").GetString() == doomed.Id).GetProperty("status").GetString().ShouldBe("DELETED");

        // A deleted server still serves as a marker (a walk survives a delete between two pages), as in nova.
        using var after = await GetAsync(demo.Token, $"/compute/v2.1/servers?limit=5&marker={doomed.Id}");
        after.StatusCode.ShouldBe(HttpStatusCode.OK);

        await Servers.PurgeAsync(doomed.Id, CancellationToken.None);
        (await IndexRowsAsync(doomed.Id, "x:")).ShouldBe(0);
    }

    [Fact]
    public async Task Filters_StatusAndName_ArePagedInOrder_UnknownMarkerOrOtherProjectsMarker_400()
    {
        var (demo, seeded) = await SeedAsync();
        var mine = seeded.Where(s => s.ProjectId == demo.Project).OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id, StringComparer.Ordinal).ToList();

        var ours = seeded.Select(s => s.Id).ToHashSet();
        (await WalkAsync(demo.Token, "/compute/v2.1/servers?status=SHUTOFF&limit=7")).Where(ours.Contains)
            .ShouldBe(mine.Where(s => s.VmState == VmStates.Stopped).Select(s => s.Id).ToList());
        (await WalkAsync(demo.Token, "/compute/v2.1/servers?name=page-01[0-9]&limit=4")).Where(ours.Contains)
            .ShouldBe(mine.Where(s => s.Name.StartsWith("page-01", StringComparison.Ordinal)).Select(s => s.Id).ToList());
        (await WalkAsync(demo.Token, "/compute/v2.1/servers?status=BOGUS")).ShouldBeEmpty();

        using var unknown = await GetAsync(demo.Token, $"/compute/v2.1/servers?limit=5&marker={Guid.NewGuid()}");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var other = seeded.First(s => s.ProjectId != demo.Project);
        using var foreign = await GetAsync(demo.Token, $"/compute/v2.1/servers?limit=5&marker={other.Id}");
        foreign.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await foreign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("badRequest").GetProperty("code").GetInt32().ShouldBe(400);
    }

    [Fact]
    public async Task Backfill_IndexesRowsWrittenBeforeTheIndex_Idempotently()
    {
        var (demo, _) = await SeedAsync();
        var tables = host.Services.GetRequiredService<TableServiceClient>();
        var names = host.Services.GetRequiredService<StorageNames>();
        var table = tables.GetTableClient(names.Table(ServerRepository.TableName));
        var old = Record(demo.Project, "from-before", DateTimeOffset.UtcNow.AddDays(1));
        await table.AddEntityAsync(new TableEntity("server", "i:" + old.Id) { ["Data"] = JsonSerializer.Serialize(old, OpenStackJson.Storage) });
        (await IndexRowsAsync(old.Id, "x:")).ShouldBe(0);

        // What a replica of the new version finds at start: rows without the index, and no ready mark.
        await table.DeleteEntityAsync("server", ServerListIndex.ReadyRow);
        var fresh = new ServerRepository(tables, names);
        (await fresh.IsIndexReadyAsync(CancellationToken.None)).ShouldBeFalse();
        (await fresh.BackfillIndexAsync(CancellationToken.None)).ShouldBeGreaterThan(250);
        (await fresh.BackfillIndexAsync(CancellationToken.None)).ShouldBe(0);
        (await IndexRowsAsync(old.Id, "x:l:")).ShouldBe(4);
        (await WalkAsync(demo.Token, "/compute/v2.1/servers?limit=3")).First().ShouldBe(old.Id);
    }

    // 250 servers of the demo project (created a second apart in threes, so ids break ties; every fifth SHUTOFF,
    // one in ten deleted) and 40 of another project, once per fixture.
    private async Task<((string Token, string Project) Demo, List<ServerRecord> Seeded)> SeedAsync()
    {
        var token = await host.TokenAsync("demo", IdentityHostFixture.DemoPassword, "demo");
        var project = await ProjectOfAsync(token);
        await Seeding.WaitAsync();
        try
        {
            if (_seeded is null)
            {
                var start = DateTimeOffset.UtcNow.AddHours(-1);
                var records = Enumerable.Range(0, 250).Select(i => Record(project, $"page-{i:D3}", start.AddSeconds(i / 3)) with
                {
                    VmState = i % 10 == 9 ? VmStates.Deleted : i % 5 == 0 ? VmStates.Stopped : VmStates.Active,
                }).Concat(Enumerable.Range(0, 40).Select(i => Record("other-project", $"other-{i}", start.AddSeconds(i)))).ToList();
                await Parallel.ForEachAsync(records, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (r, ct) => await Servers.InsertAsync(r, ct));
                _seeded = records;
            }

            return ((token, project), _seeded.Where(s => !s.IsDeleted).ToList());
        }
        finally
        {
            Seeding.Release();
        }
    }

    private static ServerRecord Record(string project, string name, DateTimeOffset created) => new()
    {
        Id = Guid.NewGuid().ToString(),
        ProjectId = project,
        UserId = "paging-test",
        Name = name,
        Flavor = Tiny,
        ImageId = ComputeHostFixture.ImageId,
        VmState = VmStates.Active,
        TaskState = null,
        CreatedAt = created,
        UpdatedAt = created,
        ReservationId = "r-paging",
    };

    // Follows servers_links from the first page to the last; the ids in the order served.
    private async Task<List<string>> WalkAsync(string token, string path)
    {
        var ids = new List<string>();
        string? next = path;
        for (var pages = 0; next is not null; pages++)
        {
            pages.ShouldBeLessThan(400, "the walk does not end");
            using var response = await GetAsync(token, next);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            ids.AddRange(body.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("id").GetString()!));
            next = body.TryGetProperty("servers_links", out var links)
                ? new Uri(links.EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "next").GetProperty("href").GetString()!).PathAndQuery
                : null;
        }

        return ids;
    }

    private async Task<HttpResponseMessage> GetAsync(string token, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.Add("X-OpenStack-Nova-API-Version", "2.79");
        return await host.Client.SendAsync(request);
    }

    private async Task<int> IndexRowsAsync(string serverId, string prefix)
    {
        var tables = host.Services.GetRequiredService<TableServiceClient>();
        var table = tables.GetTableClient(host.Services.GetRequiredService<StorageNames>().Table(ServerRepository.TableName));
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"server"} and RowKey ge {prefix} and RowKey lt {prefix + "~"}")))
        {
            count += row.GetString("ServerId") == serverId ? 1 : 0;
        }

        return count;
    }

    private async Task<string> ProjectOfAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/identity/v3/auth/tokens");
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.Add("X-Subject-Token", token);
        using var response = await host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("token").GetProperty("project").GetProperty("id").GetString()!;
    }
}
