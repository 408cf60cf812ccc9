using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Volume;

/// <summary>Discovery, microversions, cinder's error shape and the project check, over HTTP.</summary>
public sealed class VolumeWireTests(VolumeHostFixture host) : IClassFixture<VolumeHostFixture>
{
    [Fact]
    public async Task Discovery_RootAndV3_ListV3WithMicroversionRange()
    {
        var root = await host.VolumeAsync(HttpMethod.Get, string.Empty, null);
        root.Status.ShouldBe(300);
        var version = root.Body.GetProperty("versions")[0];
        version.GetProperty("id").GetString().ShouldBe("v3.0");
        version.GetProperty("min_version").GetString().ShouldBe("3.0");
        version.GetProperty("version").GetString().ShouldBe("3.64");

        var v3 = await host.VolumeAsync(HttpMethod.Get, "/v3", null);
        v3.Status.ShouldBe(200);
        v3.Body.GetProperty("versions")[0].GetProperty("status").GetString().ShouldBe("CURRENT");
    }

    [Fact]
    public async Task Microversion_NegotiatedEchoedOrRefused()
    {
        var (token, project) = await host.LoginAsync("demo", VolumeHostFixture.DemoPassword, "demo");
        var ok = await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/volumes", token, version: "3.50");
        ok.Status.ShouldBe(200);
        ok.Response.Headers.GetValues("OpenStack-API-Version").ShouldBe(["volume 3.50"]);

        var tooNew = await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/volumes", token, version: "3.99");
        tooNew.Status.ShouldBe(406);
        tooNew.Body.GetProperty("computeFault").GetProperty("message").GetString()!.ShouldContain("Maximum is 3.64");

        var counted = await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/volumes?with_count=true", token, version: "3.45");
        counted.Body.TryGetProperty("count", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Errors_CinderShape()
    {
        var (token, project) = await host.LoginAsync("demo", VolumeHostFixture.DemoPassword, "demo");
        var missing = await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/volumes/00000000-0000-0000-0000-000000000000", token);
        missing.Status.ShouldBe(404);
        missing.Body.GetProperty("itemNotFound").GetProperty("code").GetInt32().ShouldBe(404);

        var bad = await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/volumes", token, """{"volume": {"size": 0}}""");
        bad.Status.ShouldBe(400);
        bad.Body.GetProperty("badRequest").GetProperty("message").GetString()!.ShouldContain("size");

        var otherProject = await host.VolumeAsync(HttpMethod.Get, "/v3/someone-else/volumes", token);
        otherProject.Status.ShouldBe(400);
        otherProject.Body.GetProperty("badRequest").GetProperty("message").GetString()!.ShouldContain("doesn't match Context's project_id");

        var anonymous = await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/volumes", null);
        anonymous.Status.ShouldBe(401);

        var memberAdminOnly = await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/scheduler-stats/get_pools", token);
        memberAdminOnly.Status.ShouldBe(403);
        memberAdminOnly.Body.GetProperty("forbidden").GetProperty("code").GetInt32().ShouldBe(403);
    }

    [Fact]
    public async Task Volumes_PagingAndSort_FollowsLinks()
    {
        var (token, project) = await host.LoginAsync("admin", VolumeHostFixture.AdminPassword, "admin");
        for (var i = 0; i < 3; i++)
        {
            (await host.VolumeAsync(HttpMethod.Post, $"/v3/{project}/volumes", token, "{\"volume\": {\"size\": 1, \"name\": \"page-" + i + "\"}}")).Status.ShouldBe(202);
        }

        var first = await host.VolumeAsync(HttpMethod.Get, $"/v3/{project}/volumes?limit=2&sort=name:asc", token);
        first.Body.GetProperty("volumes").GetArrayLength().ShouldBe(2);
        var next = first.Body.GetProperty("volumes_links")[0].GetProperty("href").GetString()!;
        next.ShouldContain("marker=");
        var second = await host.VolumeAsync(HttpMethod.Get, new Uri(next).PathAndQuery["/volume".Length..], token);
        second.Status.ShouldBe(200);
        second.Body.GetProperty("volumes").GetArrayLength().ShouldBeGreaterThanOrEqualTo(1);
    }
}
