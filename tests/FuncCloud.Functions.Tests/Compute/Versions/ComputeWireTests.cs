using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Versions;

/// <summary>Nova wire conventions over HTTP: discovery, microversion headers, error bodies.</summary>
public sealed class ComputeWireTests(ComputeCliFixture host) : IClassFixture<ComputeCliFixture>
{
    [Fact]
    public async Task GetV21_Anonymous_ReturnsVersionDocumentWithMicroversionRange()
    {
        using var response = await host.Client.GetAsync("/compute/v2.1");
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        ((int)response.StatusCode).ShouldBe(200);
        var version = body.GetProperty("version");
        version.GetProperty("id").GetString().ShouldBe("v2.1");
        version.GetProperty("min_version").GetString().ShouldBe("2.1");
        version.GetProperty("version").GetString().ShouldBe("2.79");
        version.GetProperty("links")[0].GetProperty("href").GetString().ShouldEndWith("/compute/v2.1/");
    }

    [Fact]
    public async Task GetRoot_Anonymous_ListsV21()
    {
        using var response = await host.Client.GetAsync("/compute/");
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        ((int)response.StatusCode).ShouldBe(200);
        // Nova lists v2.0 first (Tempest's test_list_api_versions), then the current v2.1.
        body.GetProperty("versions")[0].GetProperty("id").GetString().ShouldBe("v2.0");
        body.GetProperty("versions")[1].GetProperty("id").GetString().ShouldBe("v2.1");
        body.GetProperty("versions")[1].GetProperty("status").GetString().ShouldBe("CURRENT");
        response.Headers.GetValues("X-Compute-Request-Id").Single().ShouldStartWith("req-");

        using var v20 = await host.Client.GetAsync("/compute/v2");
        ((int)v20.StatusCode).ShouldBe(200);
        System.Text.Json.JsonDocument.Parse(await v20.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetProperty("id").GetString().ShouldBe("v2.0");
    }

    [Fact]
    public async Task Request_Microversion_EchoesHeaders()
    {
        var (status, _, response) = await host.ComputeAsync(HttpMethod.Get, "/flavors", version: "2.55");

        status.ShouldBe(200);
        response.Headers.GetValues("OpenStack-API-Version").Single().ShouldBe("compute 2.55");
        response.Headers.GetValues("X-OpenStack-Nova-API-Version").Single().ShouldBe("2.55");
        response.Headers.Vary.ShouldContain("OpenStack-API-Version");
    }

    [Fact]
    public async Task Request_Latest_NegotiatesMaximum()
    {
        var (_, _, response) = await host.ComputeAsync(HttpMethod.Get, "/flavors", version: "latest");

        response.Headers.GetValues("X-OpenStack-Nova-API-Version").Single().ShouldBe("2.79");
    }

    [Theory]
    [InlineData("2.200")]
    [InlineData("3.0")]
    public async Task Request_OutOfRangeMicroversion_Returns406(string version)
    {
        var (status, body, _) = await host.ComputeAsync(HttpMethod.Get, "/flavors", version: version);

        status.ShouldBe(406);
        body.GetProperty("computeFault").GetProperty("code").GetInt32().ShouldBe(406);
        body.GetProperty("computeFault").GetProperty("message").GetString().ShouldBe($"Version {version} is not supported by the API. Minimum is 2.1 and maximum is 2.79.");
    }

    [Fact]
    public async Task Request_MalformedMicroversion_Returns400()
    {
        var (status, body, _) = await host.ComputeAsync(HttpMethod.Get, "/flavors", version: "2.x");

        status.ShouldBe(400);
        body.GetProperty("badRequest").GetProperty("message").GetString()!.ShouldContain("invalid format");
    }

    [Fact]
    public async Task CreateFlavor_MalformedJson_Returns400InNovaShape()
    {
        var (status, body, _) = await host.ComputeAsync(HttpMethod.Post, "/flavors", "{\"flavor\": ");

        status.ShouldBe(400);
        body.GetProperty("badRequest").GetProperty("code").GetInt32().ShouldBe(400);
    }

    [Fact]
    public async Task CreateFlavor_NegativeRam_Returns400NamingField()
    {
        var (status, body, _) = await host.ComputeAsync(HttpMethod.Post, "/flavors", """{"flavor": {"name": "bad", "ram": 0, "vcpus": 1, "disk": 1}}""");

        status.ShouldBe(400);
        body.GetProperty("badRequest").GetProperty("message").GetString()!.ShouldContain("ram");
    }

    [Fact]
    public async Task GetFlavor_Missing_Returns404ItemNotFound()
    {
        var (status, body, _) = await host.ComputeAsync(HttpMethod.Get, "/flavors/no-such");

        status.ShouldBe(404);
        body.GetProperty("itemNotFound").GetProperty("message").GetString().ShouldBe("Flavor no-such could not be found.");
    }

    [Fact]
    public async Task ListFlavors_NoToken_Returns401InNovaShape()
    {
        using var response = await host.Client.GetAsync("/compute/v2.1/flavors");
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        ((int)response.StatusCode).ShouldBe(401);
        body.GetProperty("unauthorized").GetProperty("code").GetInt32().ShouldBe(401);
    }

    [Fact]
    public async Task CreateFlavor_DemoMember_Returns403Forbidden()
    {
        var token = await host.TokenAsync("demo", FuncCloud.Testing.IdentityHostFixture.DemoPassword, "demo");
        var (status, body, _) = await host.ComputeAsync(HttpMethod.Post, "/flavors", """{"flavor": {"name": "x", "ram": 1, "vcpus": 1, "disk": 1}}""", token);

        status.ShouldBe(403);
        body.GetProperty("forbidden").GetProperty("code").GetInt32().ShouldBe(403);
    }

    [Fact]
    public async Task ListFlavors_Limit_ReturnsNextLinkAndMarkerPages()
    {
        var (_, first, _) = await host.ComputeAsync(HttpMethod.Get, "/flavors?limit=2");
        first.GetProperty("flavors").GetArrayLength().ShouldBe(2);
        var next = first.GetProperty("flavors_links")[0].GetProperty("href").GetString()!;
        next.ShouldContain("marker=");

        var (_, second, _) = await host.ComputeAsync(HttpMethod.Get, "/flavors" + new Uri(next).Query);
        second.GetProperty("flavors")[0].GetProperty("id").GetString().ShouldNotBe(first.GetProperty("flavors")[1].GetProperty("id").GetString());

        var (status, _, _) = await host.ComputeAsync(HttpMethod.Get, "/flavors?marker=nope");
        status.ShouldBe(400);
    }

    [Fact]
    public async Task FlavorDetail_Microversions_ShapeChanges()
    {
        var (_, old, _) = await host.ComputeAsync(HttpMethod.Get, "/flavors/1");
        old.GetProperty("flavor").GetProperty("swap").GetString().ShouldBe(string.Empty);
        old.GetProperty("flavor").TryGetProperty("description", out _).ShouldBeFalse();

        var (_, modern, _) = await host.ComputeAsync(HttpMethod.Get, "/flavors/1", version: "2.79");
        modern.GetProperty("flavor").GetProperty("swap").GetInt32().ShouldBe(0);
        modern.GetProperty("flavor").TryGetProperty("extra_specs", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task CreateServerGroup_OverQuota_Returns403WithNovaMessage()
    {
        var token = await host.TokenAsync("admin", FuncCloud.Testing.IdentityHostFixture.AdminPassword, "admin");
        var (_, project, _) = await host.ComputeAsync(HttpMethod.Get, "/limits", token: token);
        project.GetProperty("limits").GetProperty("absolute").GetProperty("maxServerGroups").GetInt32().ShouldBe(10);
        var projectId = await ProjectIdAsync(token);
        (await host.ComputeAsync(HttpMethod.Put, $"/os-quota-sets/{projectId}", """{"quota_set": {"server_groups": 0}}""", token)).Status.ShouldBe(200);

        var (status, body, _) = await host.ComputeAsync(HttpMethod.Post, "/os-server-groups", """{"server_group": {"name": "g", "policies": ["affinity"]}}""", token);

        status.ShouldBe(403);
        body.GetProperty("forbidden").GetProperty("message").GetString().ShouldBe("Quota exceeded, too many server groups.");
        (await host.ComputeAsync(HttpMethod.Delete, $"/os-quota-sets/{projectId}", token: token)).Status.ShouldBe(202);
    }

    private async Task<string> ProjectIdAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/identity/v3/auth/tokens");
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.Add("X-Subject-Token", token);
        using var response = await host.Client.SendAsync(request);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.GetProperty("token").GetProperty("project").GetProperty("id").GetString()!;
    }
}
