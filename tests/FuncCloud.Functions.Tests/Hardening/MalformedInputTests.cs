using System.Text;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Hardening;

/// <summary>
/// The hostile tester's examples (issue 8), one test each: malformed bodies and host-level errors answer a
/// 4xx in the service's own error shape and write nothing.
/// </summary>
public sealed class MalformedInputTests(HardeningHostFixture host) : IClassFixture<HardeningHostFixture>
{
    [Fact]
    public async Task IssueToken_DuplicateKeyWithoutToken_400InKeystoneShape()
    {
        var (status, body, _) = await host.SendAsync(HttpMethod.Post, "/identity/v3/auth/tokens", "anonymous", Utf8("{\"auth\":{},\"auth\":{}}"));

        status.ShouldBe(400);
        var error = Json(body).GetProperty("error");
        error.GetProperty("code").GetInt32().ShouldBe(400);
        error.GetProperty("title").GetString().ShouldBe("Bad Request");
        error.GetProperty("message").GetString()!.ShouldContain("Duplicate property 'auth'");
    }

    [Fact]
    public async Task CreateAggregate_DuplicateKey_400InNovaShapeAndNothingCreated()
    {
        var (status, body, _) = await host.SendAsync(HttpMethod.Post, "/compute/v2.1/os-aggregates", "admin",
            Utf8("{\"aggregate\": {\"name\": \"dup-a\"}, \"aggregate\": {\"name\": \"dup-b\"}}"));

        status.ShouldBe(400);
        Json(body).GetProperty("badRequest").GetProperty("message").GetString()!.ShouldContain("Duplicate property");
        (await host.SendAsync(HttpMethod.Get, "/compute/v2.1/os-aggregates")).Body.ShouldNotContain("dup-");
    }

    [Fact]
    public async Task CreateImage_InvalidUtf8_400InGlanceShapeAndNothingCreated()
    {
        var (status, body, _) = await host.SendAsync(HttpMethod.Post, "/image/v2/images", "admin",
            [.. Utf8("{\"name\": \"bad-utf8-"), 0xff, 0xfe, .. Utf8("\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}")]);

        status.ShouldBe(400);
        var error = Json(body);
        error.GetProperty("code").GetString().ShouldBe("400 Bad Request");
        error.GetProperty("message").GetString()!.ShouldContain("UTF-8");
        (await host.SendAsync(HttpMethod.Get, "/image/v2/images")).Body.ShouldNotContain("bad-utf8");
    }

    [Fact]
    public async Task FlavorExtraSpecs_InvalidUtf8OrNul_400AndSpecsUnchanged()
    {
        var created = await host.SendAsync(HttpMethod.Post, "/compute/v2.1/flavors", "admin",
            Utf8("{\"flavor\": {\"name\": \"hardening-specs\", \"ram\": 64, \"vcpus\": 1, \"disk\": 1}}"));
        created.Status.ShouldBe(200);
        var flavorId = Json(created.Body).GetProperty("flavor").GetProperty("id").GetString();
        var path = $"/compute/v2.1/flavors/{flavorId}/os-extra_specs";

        var badUtf8 = await host.SendAsync(HttpMethod.Post, path, "admin", [.. Utf8("{\"extra_specs\": {\"k\": \""), 0xc3, .. Utf8("\"}}")]);
        var nul = await host.SendAsync(HttpMethod.Post, path, "admin", Utf8("{\"extra_specs\": {\"k\": \"a\\u0000b\"}}"));

        badUtf8.Status.ShouldBe(400);
        nul.Status.ShouldBe(400);
        Json(nul.Body).GetProperty("badRequest").GetProperty("code").GetInt32().ShouldBe(400);
        Json((await host.SendAsync(HttpMethod.Get, path)).Body).GetProperty("extra_specs").EnumerateObject().ShouldBeEmpty();
    }

    [Fact]
    public async Task AggregateSetMetadata_HugeOrOverlongValue_Refused_MetadataUnchanged()
    {
        var created = await host.SendAsync(HttpMethod.Post, "/compute/v2.1/os-aggregates", "admin", Utf8("{\"aggregate\": {\"name\": \"hardening-meta\"}}"));
        created.Status.ShouldBe(200);
        var id = Json(created.Body).GetProperty("aggregate").GetProperty("id").GetInt32();
        var path = $"/compute/v2.1/os-aggregates/{id}/action";

        var huge = await host.SendAsync(HttpMethod.Post, path, "admin", Utf8($"{{\"set_metadata\": {{\"metadata\": {{\"k\": \"{new string('x', 1 << 20)}\"}}}}}}"));
        var overlong = await host.SendAsync(HttpMethod.Post, path, "admin", Utf8($"{{\"set_metadata\": {{\"metadata\": {{\"k\": \"{new string('x', 256)}\"}}}}}}"));
        var bidi = await host.SendAsync(HttpMethod.Post, path, "admin", Utf8("{\"set_metadata\": {\"metadata\": {\"k\": \"\\u202eevil\"}}}"));

        huge.Status.ShouldBe(413);
        Json(huge.Body).GetProperty("overLimit").GetProperty("code").GetInt32().ShouldBe(413);
        overlong.Status.ShouldBe(400);
        bidi.Status.ShouldBe(400);
        Json((await host.SendAsync(HttpMethod.Get, $"/compute/v2.1/os-aggregates/{id}")).Body).GetProperty("aggregate").GetProperty("metadata").EnumerateObject().ShouldBeEmpty();
    }

    [Fact]
    public async Task RegisterNode_MissingField_400InNovaShape()
    {
        var (status, body, _) = await host.SendAsync(HttpMethod.Put, "/compute/v2.1/os-funccloud-nodes/hardening-node", "admin",
            Utf8("{\"hostname\": \"hardening-node\", \"roles\": [\"compute\"], \"availability_zone\": \"nova\"}"));

        status.ShouldBe(400);
        Json(body).GetProperty("badRequest").GetProperty("message").GetString()!.ShouldContain("driver");
    }

    [Theory]
    [InlineData("/compute/v2.1/no-such-thing", "itemNotFound")]
    [InlineData("/identity/v3/no-such-thing", "error")]
    public async Task UnknownRoute_404InTheServiceShape(string path, string key)
    {
        var (status, body, _) = await host.SendAsync(HttpMethod.Get, path);

        status.ShouldBe(404);
        Json(body).GetProperty(key).GetProperty("code").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task UnknownImageRoute_404InGlanceShape()
    {
        var (status, body, _) = await host.SendAsync(HttpMethod.Get, "/image/v2/no-such-thing");

        status.ShouldBe(404);
        Json(body).GetProperty("title").GetString().ShouldBe("Not Found");
    }

    [Fact]
    public async Task WrongMethod_405WithAllowInNovaShape()
    {
        var (status, body, response) = await host.SendAsync(HttpMethod.Delete, "/compute/v2.1/servers");

        status.ShouldBe(405);
        response.Content.Headers.Allow.ShouldBe(["GET", "POST"], ignoreOrder: true);
        Json(body).GetProperty("badMethod").GetProperty("code").GetInt32().ShouldBe(405);
    }

    [Fact]
    public async Task LongQuery_414InKeystoneShape()
    {
        var (status, body, _) = await host.SendAsync(HttpMethod.Get, "/identity/v3/projects?name=" + new string('a', 20000));

        status.ShouldBe(414);
        Json(body).GetProperty("error").GetProperty("code").GetInt32().ShouldBe(414);
    }

    [Theory]
    [InlineData("/compute/v2.1/servers?sort_dir=sideways", "sort_dir")]
    [InlineData("/compute/v2.1/servers?all_tenants=maybe", "all_tenants")]
    [InlineData("/compute/v2.1/servers/detail?changes-since=notadate", "changes-since")]
    [InlineData("/compute/v2.1/os-server-groups?limit=abc", "limit")]
    [InlineData("/compute/v2.1/os-server-groups?offset=-1", "offset")]
    [InlineData("/compute/v2.1/os-aggregates?limit=-5", "limit")]
    [InlineData("/compute/v2.1/os-aggregates?marker=", "marker")]
    [InlineData("/compute/v2.1/flavors?limit=x", "limit")]
    public async Task BadQueryParameter_400NamingIt(string path, string parameter)
    {
        var (status, body, _) = await host.SendAsync(HttpMethod.Get, path);

        status.ShouldBe(400);
        Json(body).GetProperty("badRequest").GetProperty("message").GetString()!.ShouldContain(parameter);
    }

    [Theory]
    [InlineData("/image/v2/images?created_at=notadate")]
    [InlineData("/image/v2/images?updated_at=gte:notadate")]
    [InlineData("/image/v2/images?limit=-1")]
    public async Task BadImageQueryParameter_400InGlanceShape(string path)
    {
        var (status, body, _) = await host.SendAsync(HttpMethod.Get, path);

        status.ShouldBe(400);
        Json(body).GetProperty("code").GetString().ShouldBe("400 Bad Request");
    }

    [Fact]
    public async Task ImageTimeFilter_ValidOperator_Filters()
    {
        var (status, body, _) = await host.SendAsync(HttpMethod.Get, "/image/v2/images?created_at=gt:2999-01-01T00:00:00Z");

        status.ShouldBe(200);
        Json(body).GetProperty("images").EnumerateArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/identity/v3/projects", "{\"project\": {\"name\": \"nul\\u0000name\"}}")]
    [InlineData("/identity/v3/users", "{\"user\": {\"name\": \"\\u202eevil\"}}")]
    [InlineData("/compute/v2.1/os-aggregates", "{\"aggregate\": {\"name\": \"a\\u0007b\"}}")]
    [InlineData("/compute/v2.1/flavors", "{\"flavor\": {\"name\": \"\\u202egnp.exe\", \"ram\": 64, \"vcpus\": 1, \"disk\": 1}}")]
    [InlineData("/image/v2/images", "{\"name\": \"nul\\u0000name\"}")]
    public async Task Create_NameWithNulOrBidiOverride_400(string path, string json)
    {
        var (status, _, _) = await host.SendAsync(HttpMethod.Post, path, "admin", Utf8(json));

        status.ShouldBe(400);
    }

    [Fact]
    public async Task ListUserProjects_UnknownUser_404InKeystoneShape()
    {
        var (status, body, _) = await host.SendAsync(HttpMethod.Get, "/identity/v3/users/no-such-user/projects");

        status.ShouldBe(404);
        Json(body).GetProperty("error").GetProperty("code").GetInt32().ShouldBe(404);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement.Clone();
}
