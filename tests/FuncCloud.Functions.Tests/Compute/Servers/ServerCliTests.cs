using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Servers;

/// <summary>The compute fixture the CLI tests share (one Fake node, "local").</summary>
public sealed class ServerCliFixture : ComputeHostFixture;

/// <summary>Debian's openstack CLI, as the demo user, against servers booted by the durable workflows on a Fake agent.</summary>
public sealed class ServerCliTests(ServerCliFixture host) : IClassFixture<ServerCliFixture>
{
    private IDictionary<string, string> Demo => WithCompute(host.DemoEnvironment);

    private IDictionary<string, string> Admin => WithCompute(host.AdminEnvironment);

    [Fact]
    public async Task ServerLifecycle_CreateRebootStopStartDelete_ThroughTheCli()
    {
        var created = await JsonAsync(Demo, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageId, "--nic", "none", "--wait", "vm1", "-f", "json");
        created.GetProperty("status").GetString().ShouldBe("ACTIVE");
        var id = created.GetProperty("id").GetString()!;

        var list = await JsonAsync(Demo, "server", "list", "-f", "json");
        list.EnumerateArray().ShouldContain(s => s.GetProperty("Name").GetString() == "vm1" && s.GetProperty("Status").GetString() == "ACTIVE");

        var shown = await JsonAsync(Demo, "server", "show", "vm1", "-f", "json");
        shown.GetProperty("OS-EXT-STS:power_state").ToString().ShouldBeOneOf("Running", "1");

        await OkAsync(Demo, "server", "reboot", "--wait", "vm1");
        await OkAsync(Demo, "server", "stop", "vm1");
        await StatusAsync(id, "SHUTOFF");
        await OkAsync(Demo, "server", "start", "vm1");
        await StatusAsync(id, "ACTIVE");

        var events = await JsonAsync(Demo, "server", "event", "list", "vm1", "-f", "json");
        events.EnumerateArray().Select(e => e.GetProperty("Action").GetString()).ShouldBe(["start", "stop", "reboot", "create"], ignoreOrder: true);
        var createRequest = events.EnumerateArray().Single(e => e.GetProperty("Action").GetString() == "create").GetProperty("Request ID").GetString()!;
        var createEvent = await JsonAsync(Admin, "server", "event", "show", id, createRequest, "-f", "json");
        createEvent.GetRawText().ShouldContain("compute__do_build_and_run_instance");
        createEvent.GetRawText().ShouldContain("conductor_schedule_and_build_instances");

        await OkAsync(Demo, "server", "delete", "--wait", "vm1");
        (await OpenStackCli.RunAsync(Demo, "server", "show", id)).ExitCode.ShouldNotBe(0);
        (await host.Drivers.Get("local").ListInstancesAsync(CancellationToken.None)).ShouldNotContain(id);
    }

    [Fact]
    public async Task ServerShow_AnotherProjectsServer_IsNotFoundToDemo()
    {
        var created = await JsonAsync(Admin, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageId, "--nic", "none", "admin-vm", "-f", "json");
        var id = created.GetProperty("id").GetString()!;

        var asDemo = await OpenStackCli.RunAsync(Demo, "server", "show", id);

        asDemo.ExitCode.ShouldNotBe(0);
        asDemo.StandardError.ShouldContain("No server with a name or ID");
        var token = await TokenAsync(Demo);
        using var response = await SendAsync(HttpMethod.Get, $"/compute/v2.1/servers/{id}", token, null);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"itemNotFound\"");
    }

    [Fact]
    public async Task CreateServer_MalformedBodies_Are400InNovasShape()
    {
        var token = await TokenAsync(Demo);
        foreach (var body in new[]
        {
            "{not json",
            "{\"server\": {\"flavorRef\": \"1\", \"imageRef\": \"" + ComputeHostFixture.ImageId + "\", \"networks\": \"none\"}}",
            "{\"server\": {\"name\": \"x\", \"flavorRef\": \"1\", \"imageRef\": \"" + ComputeHostFixture.ImageId + "\", \"networks\": \"none\", \"bogus\": 1}}",
            "{\"server\": {\"name\": \"x\", \"flavorRef\": \"nope\", \"imageRef\": \"" + ComputeHostFixture.ImageId + "\", \"networks\": \"none\"}}",
            "{\"server\": {\"name\": \"x\", \"flavorRef\": \"1\", \"imageRef\": \"" + ComputeHostFixture.ImageId + "\", \"networks\": \"none\", \"min_count\": 0}}",
        })
        {
            using var response = await SendAsync(HttpMethod.Post, "/compute/v2.1/servers", token, body);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            json.GetProperty("badRequest").GetProperty("code").GetInt32().ShouldBe(400);
            json.GetProperty("badRequest").GetProperty("message").GetString().ShouldNotBeNullOrEmpty();
        }
    }

    [Fact]
    public async Task CreateServer_OverInstanceQuota_Is403WithNovasMessage()
    {
        var result = await OpenStackCli.RunAsync(Demo, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageId, "--nic", "none", "--min", "11", "--max", "11", "too-many");

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("Quota exceeded for instances");
        result.StandardError.ShouldContain("HTTP 403");
    }

    [Fact]
    public async Task DeleteServer_DuringBuild_EndsDeletedWithNothingLeaked()
    {
        var token = await TokenAsync(Demo);
        var body = "{\"server\": {\"name\": \"doomed\", \"flavorRef\": \"1\", \"imageRef\": \"" + ComputeHostFixture.ImageId + "\", \"networks\": \"none\"}}";
        using var created = await SendAsync(HttpMethod.Post, "/compute/v2.1/servers", token, body);
        created.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("server").GetProperty("id").GetString()!;

        using var deleted = await SendAsync(HttpMethod.Delete, $"/compute/v2.1/servers/{id}", token, null);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await Poll.UntilAsync(async () =>
        {
            using var shown = await SendAsync(HttpMethod.Get, $"/compute/v2.1/servers/{id}", token, null);
            return shown.StatusCode == HttpStatusCode.NotFound;
        }, "the server to be gone", TimeSpan.FromSeconds(60));
        var server = await host.Services.GetRequiredServiceAsync<Shared.Compute.Servers.ServerRepository>().FindAsync(id, CancellationToken.None);
        server!.VmState.ShouldBe("deleted");
        await Poll.UntilAsync(async () => !(await host.Drivers.Get("local").ListInstancesAsync(CancellationToken.None)).Contains(id), "the instance to be destroyed", TimeSpan.FromSeconds(30));
        var usage = await host.Services.GetRequiredServiceAsync<Shared.Compute.Placement.PlacementService>().GetUsageAsync("local", CancellationToken.None);
        usage.Allocations.Keys.ShouldNotContain(id);
    }

    private async Task StatusAsync(string id, string status) =>
        await Poll.UntilAsync(async () =>
        {
            var shown = await OpenStackCli.RunAsync(Demo, "server", "show", id, "-f", "json");
            return shown.ExitCode == 0 && shown.Json.GetProperty("status").GetString() == status;
        }, $"server {id} to be {status}", TimeSpan.FromSeconds(60));

    private static IDictionary<string, string> WithCompute(IDictionary<string, string> environment) =>
        new Dictionary<string, string>(environment) { ["OS_COMPUTE_API_VERSION"] = "2.79" };

    private static async Task<JsonElement> JsonAsync(IDictionary<string, string> environment, params string[] args)
    {
        var result = await OpenStackCli.RunAsync(environment, args);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Json;
    }

    private static async Task OkAsync(IDictionary<string, string> environment, params string[] args)
    {
        var result = await OpenStackCli.RunAsync(environment, args);
        result.ExitCode.ShouldBe(0, result.ToString());
    }

    private static async Task<string> TokenAsync(IDictionary<string, string> environment) =>
        (await JsonAsync(environment, "token", "issue", "-f", "json")).GetProperty("id").GetString()!;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, string? body)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.Add("X-OpenStack-Nova-API-Version", "2.79");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return await host.Client.SendAsync(request);
    }
}

internal static class ServiceProviderExtensions
{
    public static T GetRequiredServiceAsync<T>(this IServiceProvider services) where T : notnull =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(services);
}
