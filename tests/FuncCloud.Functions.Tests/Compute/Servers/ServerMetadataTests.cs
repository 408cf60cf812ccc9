using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Servers;

/// <summary>A compute host of its own for the metadata, tags and list tests (their server counts must be exact).</summary>
public sealed class ServerMetadataFixture : ComputeHostFixture;

/// <summary>Server metadata and tags, multi-create with min/max count, and the list filters and pagination.</summary>
public sealed class ServerMetadataTests(ServerMetadataFixture host) : IClassFixture<ServerMetadataFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private string? _token;

    private IDictionary<string, string> Demo => new Dictionary<string, string>(host.DemoEnvironment) { ["OS_COMPUTE_API_VERSION"] = "2.79" };

    [Fact]
    public async Task Metadata_SetAndUnsetProperty_ShownByServerShow()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var id = await api.BootAsync("described");

        (await OpenStackCli.RunAsync(Demo, "server", "set", "--property", "role=web", "--property", "tier=front", id)).ExitCode.ShouldBe(0);
        var properties = (await api.ShowAsync(id))!.Value.GetProperty("metadata");
        Properties(properties).ShouldBe(new Dictionary<string, string> { ["role"] = "web", ["tier"] = "front" });

        (await OpenStackCli.RunAsync(Demo, "server", "unset", "--property", "role", id)).ExitCode.ShouldBe(0);
        using var metadata = await api.SendAsync(HttpMethod.Get, $"/compute/v2.1/servers/{id}/metadata", null);
        var items = JsonDocument.Parse(await metadata.Content.ReadAsStringAsync()).RootElement.GetProperty("metadata");
        items.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}").ShouldBe(["tier=front"]);
        using var missing = await api.SendAsync(HttpMethod.Get, $"/compute/v2.1/servers/{id}/metadata/role", null);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.ShowAsync(id))!.Value.GetProperty("metadata").GetProperty("tier").GetString().ShouldBe("front");
    }

    [Fact]
    public async Task Tags_ControlOrBidiCharacters_400AndNothingSaved_NonAsciiTagHasAnEscapedLocation()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var id = await api.BootAsync("tag-chars");
        var path = $"/compute/v2.1/servers/{id}/tags";

        // (A %00 never gets this far: Kestrel refuses it in the request line with its own empty 400.)
        foreach (var bad in new[] { "a%01b", "a%7Fb", "%E2%80%AEevil" })
        {
            using var refused = await SendAsync(api, HttpMethod.Put, $"{path}/{bad}", null);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, bad);
            JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("badRequest").GetProperty("code").GetInt32().ShouldBe(400);
        }

        // Before: the tag was saved, then building the Location header threw (a bare 500).
        using (var added = await SendAsync(api, HttpMethod.Put, $"{path}/%C3%BCn%C3%AF", null))
        {
            added.StatusCode.ShouldBe(HttpStatusCode.Created);
            added.Headers.Location!.AbsolutePath.ShouldEndWith($"/servers/{id}/tags/%C3%BCn%C3%AF");
        }

        using var list = await SendAsync(api, HttpMethod.Get, path, null);
        Tags(await list.Content.ReadAsStringAsync()).ShouldBe(["ünï"]);
    }

    [Fact]
    public async Task Tags_PutGetDelete_AtMicroversion226()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var id = await api.BootAsync("tagged");
        var path = $"/compute/v2.1/servers/{id}/tags";

        using (var replaced = await SendAsync(api, HttpMethod.Put, path, "{\"tags\": [\"blue\", \"green\"]}"))
        {
            replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
            Tags(await replaced.Content.ReadAsStringAsync()).ShouldBe(["blue", "green"], ignoreOrder: true);
        }

        using (var added = await SendAsync(api, HttpMethod.Put, path + "/red", null))
        {
            added.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using (var again = await SendAsync(api, HttpMethod.Put, path + "/red", null))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        using (var check = await SendAsync(api, HttpMethod.Get, path + "/green", null))
        {
            check.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        using (var deleted = await SendAsync(api, HttpMethod.Delete, path + "/green", null))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        using (var gone = await SendAsync(api, HttpMethod.Get, path + "/green", null))
        {
            gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            JsonDocument.Parse(await gone.Content.ReadAsStringAsync()).RootElement.GetProperty("itemNotFound").GetProperty("code").GetInt32().ShouldBe(404);
        }

        using (var list = await SendAsync(api, HttpMethod.Get, path, null))
        {
            Tags(await list.Content.ReadAsStringAsync()).ShouldBe(["blue", "red"], ignoreOrder: true);
        }

        (await api.ShowAsync(id))!.Value.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["blue", "red"], ignoreOrder: true);

        using (var tooOld = await SendAsync(api, HttpMethod.Get, path, null, "2.25"))
        {
            tooOld.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var cleared = await SendAsync(api, HttpMethod.Delete, path, null))
        {
            cleared.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        using (var empty = await SendAsync(api, HttpMethod.Get, path, null))
        {
            Tags(await empty.Content.ReadAsStringAsync()).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task CreateMinMax_ThreeServers_NamedWithSuffixesAndListedWithFiltersAndPages()
    {
        // What `openstack server create --min 3 --max 3 trio` sends (the CLI's image lookup is not used: the
        // fixture's Glance stub and the image service both answer /image until the stub goes).
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var body = $"{{\"server\": {{\"name\": \"trio\", \"flavorRef\": \"1\", \"imageRef\": \"{ComputeHostFixture.ImageId}\", \"networks\": \"none\", \"min_count\": 3, \"max_count\": 3}}}}";
        using (var created = await api.SendAsync(HttpMethod.Post, "/compute/v2.1/servers", body))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Accepted, await created.Content.ReadAsStringAsync());
        }

        await Poll.UntilAsync(async () => (await ListAsync(api, "?name=^trio-&status=ACTIVE")).Count == 3, "three ACTIVE trio servers", Wait);

        var byName = await ListAsync(api, "?name=^trio-");
        byName.Select(s => s.GetProperty("name").GetString()).ShouldBe(["trio-1", "trio-2", "trio-3"], ignoreOrder: true);
        byName.ShouldAllBe(s => s.GetProperty("status").GetString() == "ACTIVE");
        var asAdmin = await ListAsync(await ComputeApi.LoginAsync(host, host.AdminEnvironment), "?all_tenants=1&name=^trio-");
        asAdmin.Select(s => s.GetProperty("OS-EXT-SRV-ATTR:reservation_id").GetString()).Distinct().Count().ShouldBe(1);
        asAdmin.Select(s => s.GetProperty("OS-EXT-SRV-ATTR:launch_index").GetInt32()).ShouldBe([0, 1, 2], ignoreOrder: true);

        var id = byName.Single(s => s.GetProperty("name").GetString() == "trio-2").GetProperty("id").GetString()!;
        using (var stop = await api.SendAsync(HttpMethod.Post, $"/compute/v2.1/servers/{id}/action", "{\"os-stop\": null}"))
        {
            stop.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        await Poll.UntilAsync(async () => (await api.ShowAsync(id))?.GetProperty("status").GetString() == "SHUTOFF", "trio-2 to stop", Wait);
        (await ListAsync(api, "?name=trio&status=SHUTOFF")).Select(s => s.GetProperty("name").GetString()).ShouldBe(["trio-2"]);
        (await ListAsync(api, "?name=trio&status=ACTIVE")).Select(s => s.GetProperty("name").GetString()).ShouldBe(["trio-1", "trio-3"], ignoreOrder: true);

        // Pages of two, by name: the first page links to the next with a marker; the last has no next link.
        using var first = await api.SendAsync(HttpMethod.Get, "/compute/v2.1/servers?name=trio&limit=2&sort_key=display_name&sort_dir=asc", null);
        var page = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        page.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldBe(["trio-1", "trio-2"]);
        var next = page.GetProperty("servers_links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "next").GetProperty("href").GetString()!;
        next.ShouldContain("marker=" + id);
        using var second = await api.SendAsync(HttpMethod.Get, "/compute/v2.1/servers" + new Uri(next).Query, null);
        var last = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement;
        last.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldBe(["trio-3"]);
        last.TryGetProperty("servers_links", out _).ShouldBeFalse();

        // Nova's default order (created_at, id descending) pages from a marker too (what `server list --marker --limit` sends;
        // the CLI itself needs the image endpoint, which the fixture's Glance stub and the image service both claim for now).
        var ordered = (await ListAsync(api, "?name=trio")).Select(s => (Id: s.GetProperty("id").GetString()!, Name: s.GetProperty("name").GetString())).ToList();
        (await ListAsync(api, $"?name=trio&limit=1&marker={ordered[0].Id}")).Select(s => s.GetProperty("name").GetString()).ShouldBe([ordered[1].Name]);
    }

    private static async Task<List<JsonElement>> ListAsync(ComputeApi api, string query)
    {
        using var response = await api.SendAsync(HttpMethod.Get, "/compute/v2.1/servers/detail" + query, null);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("servers").EnumerateArray().Select(s => s.Clone())];
    }

    private async Task<HttpResponseMessage> SendAsync(ComputeApi api, HttpMethod method, string path, string? body, string version = "2.26")
    {
        _ = api;
        _token ??= (await OpenStackCli.RunAsync(Demo, "token", "issue", "-f", "json")).Json.GetProperty("id").GetString()!;
        var token = _token;
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.Add("OpenStack-API-Version", "compute " + version);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return await host.Client.SendAsync(request);
    }

    private static List<string> Tags(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)];

    private static Dictionary<string, string> Properties(JsonElement properties) =>
        properties.ValueKind == JsonValueKind.Object
            ? properties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : properties.GetString()!.Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1].Trim('\''));
}
