using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Servers;

/// <summary>
/// Wire defects the Tempest conformance stage found in the servers API (docs/conformance.md), kept fixed:
/// nova's request id header, the requested admin password, access addresses, per-microversion update and
/// rebuild views, network uuid format, and the image proxy.
/// </summary>
public sealed class ServerWireConformanceTests(ServerActionFixture host) : IClassFixture<ServerActionFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private async Task<string> TokenAsync() =>
        (await OpenStackCli.RunAsync(host.DemoEnvironment, "token", "issue", "-f", "json")).Json.GetProperty("id").GetString()!;

    private async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(string token, HttpMethod method, string path, string? body, string version)
    {
        var request = new HttpRequestMessage(method, "/compute/v2.1" + path);
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.Add("X-OpenStack-Nova-API-Version", version);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        var response = await host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default, response);
    }

    private static string Boot(string name, string extra = "") =>
        "{\"server\": {\"name\": \"" + name + "\", \"flavorRef\": \"1\", \"imageRef\": \"" + ComputeHostFixture.ImageId + "\"" + extra + "}}";

    private async Task<string> BootActiveAsync(string token, string name)
    {
        var (status, body, _) = await SendAsync(token, HttpMethod.Post, "/servers", Boot(name), "2.1");
        status.ShouldBe(202, body.ToString());
        var id = body.GetProperty("server").GetProperty("id").GetString()!;
        await Poll.UntilAsync(async () =>
        {
            var (_, shown, _) = await SendAsync(token, HttpMethod.Get, $"/servers/{id}", null, "2.1");
            return shown.GetProperty("server").GetProperty("status").GetString() == "ACTIVE"
                && shown.GetProperty("server").GetProperty("OS-EXT-STS:task_state").ValueKind == JsonValueKind.Null;
        }, $"server {id} to be ACTIVE", Wait);
        return id;
    }

    [Fact]
    public async Task Create_AdminPassAndAccessIps_EchoedPasswordCanonicalIpv6AndComputeRequestId()
    {
        var token = await TokenAsync();
        var (status, body, response) = await SendAsync(token, HttpMethod.Post, "/servers",
            Boot("with-pass", """, "adminPass": "testpassword", "accessIPv4": "1.1.1.1", "accessIPv6": "0000:0000:0000:0000:0000:babe:220.12.22.2" """), "2.1");

        status.ShouldBe(202, body.ToString());
        body.GetProperty("server").GetProperty("adminPass").GetString().ShouldBe("testpassword");
        var requestId = response.Headers.GetValues("X-Compute-Request-Id").Single();
        requestId.ShouldStartWith("req-");
        response.Headers.GetValues("X-Openstack-Request-Id").Single().ShouldBe(requestId);
        var id = body.GetProperty("server").GetProperty("id").GetString()!;
        var (_, shown, _) = await SendAsync(token, HttpMethod.Get, $"/servers/{id}", null, "2.1");
        shown.GetProperty("server").GetProperty("accessIPv4").GetString().ShouldBe("1.1.1.1");
        shown.GetProperty("server").GetProperty("accessIPv6").GetString().ShouldBe("::babe:dc0c:1602");
    }

    [Theory]
    [InlineData(""", "accessIPv6": "notvalid" """)]
    [InlineData(""", "accessIPv4": "1.1.1.1.1.1" """)]
    [InlineData(""", "accessIPv4": "::1" """)]
    [InlineData(""", "networks": [{"uuid": "a-b-c-d-e-f-g-h-i-j"}] """)]
    public async Task Create_InvalidAccessIpOrNetworkUuid_Returns400(string extra)
    {
        var (status, body, _) = await SendAsync(await TokenAsync(), HttpMethod.Post, "/servers", Boot("invalid", extra), "2.1");

        status.ShouldBe(400, body.ToString());
        body.GetProperty("badRequest").GetProperty("code").GetInt32().ShouldBe(400);
    }

    [Fact]
    public async Task UpdateAndRebuild_At21_BasicViewOnly_At275_WholeServer()
    {
        var token = await TokenAsync();
        var id = await BootActiveAsync(token, "shapes");

        var (status, updated, _) = await SendAsync(token, HttpMethod.Put, $"/servers/{id}", """{"server": {"name": "renamed", "accessIPv6": "2001:db8:0:0:0:0:0:1"}}""", "2.1");
        status.ShouldBe(200);
        var server = updated.GetProperty("server");
        server.GetProperty("accessIPv6").GetString().ShouldBe("2001:db8::1");
        string[] extended = ["OS-EXT-STS:vm_state", "OS-EXT-AZ:availability_zone", "OS-SRV-USG:launched_at", "config_drive", "key_name", "os-extended-volumes:volumes_attached", "locked"];
        foreach (var key in extended)
        {
            server.TryGetProperty(key, out _).ShouldBeFalse(key);
        }

        var (_, latest, _) = await SendAsync(token, HttpMethod.Put, $"/servers/{id}", """{"server": {"name": "renamed-again"}}""", "2.75");
        latest.GetProperty("server").TryGetProperty("OS-EXT-STS:vm_state", out _).ShouldBeTrue();

        var (rebuildStatus, rebuilt, _) = await SendAsync(token, HttpMethod.Post, $"/servers/{id}/action",
            "{\"rebuild\": {\"imageRef\": \"" + ComputeHostFixture.ImageId + "\", \"adminPass\": \"rebuilt-pass\"}}", "2.1");
        rebuildStatus.ShouldBe(202, rebuilt.ToString());
        var rebuiltServer = rebuilt.GetProperty("server");
        rebuiltServer.GetProperty("adminPass").GetString().ShouldBe("rebuilt-pass");
        foreach (var key in extended)
        {
            rebuiltServer.TryGetProperty(key, out _).ShouldBeFalse(key);
        }
    }

    [Fact]
    public async Task Show_StoppedServer_HasNoProgress_ActiveServerHasIt()
    {
        var token = await TokenAsync();
        var id = await BootActiveAsync(token, "progress");
        (await SendAsync(token, HttpMethod.Get, $"/servers/{id}", null, "2.1")).Body.GetProperty("server").TryGetProperty("progress", out _).ShouldBeTrue();

        (await SendAsync(token, HttpMethod.Post, $"/servers/{id}/action", "{\"os-stop\": null}", "2.1")).Status.ShouldBe(202);
        JsonElement stopped = default;
        await Poll.UntilAsync(async () =>
        {
            stopped = (await SendAsync(token, HttpMethod.Get, $"/servers/{id}", null, "2.1")).Body.GetProperty("server");
            return stopped.GetProperty("status").GetString() == "SHUTOFF";
        }, $"server {id} to be SHUTOFF", Wait);
        stopped.TryGetProperty("progress", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task ImageProxy_To235_ShowsGlanceImageInNovaView_From236_404()
    {
        var token = await TokenAsync();

        var (status, body, _) = await SendAsync(token, HttpMethod.Get, $"/images/{ComputeHostFixture.ImageId}", null, "2.1");
        status.ShouldBe(200, body.ToString());
        var image = body.GetProperty("image");
        image.GetProperty("id").GetString().ShouldBe(ComputeHostFixture.ImageId);
        image.GetProperty("status").GetString().ShouldBe("ACTIVE");
        image.GetProperty("progress").GetInt32().ShouldBe(100);
        image.TryGetProperty("minRam", out _).ShouldBeTrue();
        image.TryGetProperty("metadata", out _).ShouldBeTrue();

        (await SendAsync(token, HttpMethod.Get, $"/images/{Guid.NewGuid()}", null, "2.1")).Body.GetProperty("itemNotFound").GetProperty("code").GetInt32().ShouldBe(404);
        (await SendAsync(token, HttpMethod.Get, $"/images/{ComputeHostFixture.ImageId}", null, "2.36")).Status.ShouldBe(404);
    }
}
