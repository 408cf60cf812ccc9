using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using FuncCloud.Agent.Compute.Fake;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Servers;

/// <summary>
/// One Fake node whose spawns take 2 s (so a server can be caught building), and a second project
/// <see cref="OtherProject"/> with a member, to check who sees a snapshot.
/// </summary>
public sealed class ServerSnapshotFixture : ComputeHostFixture
{
    public const string OtherProject = "other";
    public const string OtherUser = "other-member";
    public const string OtherPassword = "other-pass-for-tests";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _ready;

    protected override IDictionary<string, string?> AgentSettings => new Dictionary<string, string?>
    {
        ["FuncCloud:Agent:Fake:Operations:Spawn:Latency"] = "00:00:02",
    };

    public IDictionary<string, string> OtherEnvironment => PasswordEnvironment(OtherUser, OtherPassword, OtherProject);

    public async Task EnsureOtherProjectAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (!_ready)
            {
                foreach (var args in new[]
                {
                    new[] { "project", "create", "--domain", "Default", OtherProject },
                    ["user", "create", "--domain", "Default", "--password", OtherPassword, OtherUser],
                    ["role", "add", "--user", OtherUser, "--project", OtherProject, "member"],
                })
                {
                    var result = await OpenStackCli.RunAsync(AdminEnvironment, args);
                    result.ExitCode.ShouldBe(0, result.ToString());
                }

                _ready = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>createImage (server snapshots) end to end: API, durable workflow, Fake agent streaming into Glance.</summary>
public sealed class ServerSnapshotTests(ServerSnapshotFixture host) : IClassFixture<ServerSnapshotFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private IDictionary<string, string> Demo => new Dictionary<string, string>(host.DemoEnvironment) { ["OS_COMPUTE_API_VERSION"] = "2.79" };

    private FakeComputeDriver Driver => host.Drivers.Get("local");

    [Fact]
    public async Task CreateImage_CliWait_ActiveSnapshotWithDriverBytesVisibleToOwnerOnly()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var id = await BootActiveAsync(api, "snap-vm1");

        var created = await OpenStackCli.RunAsync(Demo, "server", "image", "create", "--name", "snap1", "--wait", "-f", "json", id);
        created.ExitCode.ShouldBe(0, created.ToString());
        var imageId = created.Json.GetProperty("id").GetString()!;

        var image = await GetImageAsync(api, imageId);
        image.ShouldNotBeNull();
        image.Value.GetProperty("name").GetString().ShouldBe("snap1");
        image.Value.GetProperty("status").GetString().ShouldBe("active");
        image.Value.GetProperty("visibility").GetString().ShouldBe("private");
        image.Value.GetProperty("image_type").GetString().ShouldBe("snapshot");
        image.Value.GetProperty("instance_uuid").GetString().ShouldBe(id);
        image.Value.GetProperty("base_image_ref").GetString().ShouldBe(ComputeHostFixture.ImageId);
        var info = await Driver.GetInstanceInfoAsync(id, CancellationToken.None);
        var expected = FakeSnapshotContent.ToArray(id, FakeSnapshotContent.Length(info.Flavor, FakeSnapshotContent.DefaultMaxBytes));
        image.Value.GetProperty("size").GetInt64().ShouldBe(expected.Length);
        image.Value.GetProperty("checksum").GetString().ShouldBe(Convert.ToHexStringLower(MD5.HashData(expected)));
        image.Value.GetProperty("owner").GetString().ShouldBe((await api.ShowAsync(id))!.Value.GetProperty("tenant_id").GetString());

        var list = await OpenStackCli.RunAsync(Demo, "image", "list", "-f", "json");
        list.ExitCode.ShouldBe(0, list.ToString());
        list.Json.EnumerateArray().Select(i => i.GetProperty("Name").GetString()).ShouldContain("snap1");

        var server = (await api.ShowAsync(id))!.Value;
        server.GetProperty("status").GetString().ShouldBe("ACTIVE");
        server.GetProperty("OS-EXT-STS:task_state").ValueKind.ShouldBe(JsonValueKind.Null);
        var events = await OpenStackCli.RunAsync(Demo, "server", "event", "list", "-f", "json", id);
        events.ExitCode.ShouldBe(0, events.ToString());
        events.Json.EnumerateArray().Select(e => e.GetProperty("Action").GetString()).ShouldContain("createImage");
        (await EventsAsync(api, id))["createImage"].ShouldBe(["compute_snapshot_instance:Success"]);

        await host.EnsureOtherProjectAsync();
        var other = await ComputeApi.LoginAsync(host, host.OtherEnvironment);
        (await GetImageAsync(other, imageId)).ShouldBeNull();
        var otherList = await OpenStackCli.RunAsync(host.OtherEnvironment, "image", "list", "-f", "json");
        otherList.ExitCode.ShouldBe(0, otherList.ToString());
        otherList.Json.EnumerateArray().Select(i => i.GetProperty("ID").GetString()).ShouldNotContain(imageId);
    }

    [Fact]
    public async Task CreateImage_InjectedSnapshotFailure_ImageDeletedServerActiveEventSaysWhy()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var admin = await ComputeApi.LoginAsync(host, host.AdminEnvironment);
        var id = await BootActiveAsync(api, "snap-fails");
        Driver.FailNextCall(FakeOperation.Snapshot);

        using var response = await api.SendAsync(HttpMethod.Post, $"/compute/v2.1/servers/{id}/action", "{\"createImage\": {\"name\": \"broken\", \"metadata\": {\"purpose\": \"test\"}}}");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, text);
        var imageId = JsonDocument.Parse(text).RootElement.GetProperty("image_id").GetString()!;

        await Poll.UntilAsync(async () => (await EventsAsync(api, id)).GetValueOrDefault("createImage") is ["compute_snapshot_instance:Error"], "the snapshot to fail", Wait);
        await Poll.UntilAsync(async () => (await api.ShowAsync(id))!.Value.GetProperty("OS-EXT-STS:task_state").ValueKind == JsonValueKind.Null, "the task to clear", Wait);
        var server = (await api.ShowAsync(id))!.Value;
        server.GetProperty("status").GetString().ShouldBe("ACTIVE");
        (await GetImageAsync(api, imageId)).ShouldBeNull();
        (await GetImageAsync(admin, imageId)).ShouldBeNull();
        (await Driver.GetInstanceInfoAsync(id, CancellationToken.None)).PowerState.ShouldBe(Shared.Compute.PowerState.Running);

        var requestId = await RequestIdAsync(admin, id, "createImage");
        using var detail = await admin.SendAsync(HttpMethod.Get, $"/compute/v2.1/servers/{id}/os-instance-actions/{requestId}", null);
        var failed = JsonDocument.Parse(await detail.Content.ReadAsStringAsync()).RootElement.GetProperty("instanceAction").GetProperty("events")[0];
        failed.GetProperty("event").GetString().ShouldBe("compute_snapshot_instance");
        failed.GetProperty("traceback").GetString()!.ShouldContain("Fake driver injected a failure into Snapshot");
        failed.GetProperty("traceback").GetString()!.ShouldContain(imageId);
    }

    [Fact]
    public async Task CreateImage_ServerBuildingOrInError_409AndNoImage()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var building = await api.BootAsync("snap-building");
        using (var response = await api.SendAsync(HttpMethod.Post, $"/compute/v2.1/servers/{building}/action", "{\"createImage\": {\"name\": \"too-early\"}}"))
        {
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict, text);
            JsonDocument.Parse(text).RootElement.GetProperty("conflictingRequest").GetProperty("message").GetString()!.ShouldContain("createImage");
        }

        (await api.WaitSettledAsync(building, Wait)).GetProperty("status").GetString().ShouldBe("ACTIVE");
        Driver.FailNextCall(FakeOperation.Spawn);
        var broken = await api.BootAsync("snap-error");
        (await api.WaitSettledAsync(broken, Wait)).GetProperty("status").GetString().ShouldBe("ERROR");
        using (var response = await api.SendAsync(HttpMethod.Post, $"/compute/v2.1/servers/{broken}/action", "{\"createImage\": {\"name\": \"from-error\"}}"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
        }

        var list = await OpenStackCli.RunAsync(Demo, "image", "list", "-f", "json");
        list.Json.EnumerateArray().Select(i => i.GetProperty("Name").GetString()).ShouldNotContain(n => n == "too-early" || n == "from-error");
    }

    [Fact]
    public async Task CreateImage_OldMicroversionAndBadBodies_LocationHeaderAnd400s()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var id = await BootActiveAsync(api, "snap-old");

        foreach (var bad in new[] { "{\"createImage\": {}}", "{\"createImage\": {\"name\": \"x\", \"metadata\": {\"k\": 1}}}", "{\"createImage\": {\"name\": \"x\", \"extra\": 1}}" })
        {
            using var refused = await api.SendAsync(HttpMethod.Post, $"/compute/v2.1/servers/{id}/action", bad);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, bad);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, $"/compute/v2.1/servers/{id}/action")
        {
            Content = new StringContent("{\"createImage\": {\"name\": \"snap-244\"}}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Auth-Token", (await OpenStackCli.RunAsync(host.DemoEnvironment, "token", "issue", "-f", "json")).Json.GetProperty("id").GetString());
        request.Headers.Add("X-OpenStack-Nova-API-Version", "2.44");
        using var response = await host.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
        var imageId = response.Headers.Location!.ToString().Split('/')[^1];
        await Poll.UntilAsync(async () => (await GetImageAsync(api, imageId))?.GetProperty("status").GetString() == "active", "the snapshot to become active", Wait);
        await Poll.UntilAsync(async () => (await api.ShowAsync(id))!.Value.GetProperty("OS-EXT-STS:task_state").ValueKind == JsonValueKind.Null, "the task to clear", Wait);
    }

    private static async Task<JsonElement?> GetImageAsync(ComputeApi api, string imageId)
    {
        using var response = await api.SendAsync(HttpMethod.Get, $"/image/v2/images/{imageId}", null);
        return response.StatusCode == HttpStatusCode.NotFound ? null : JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<string> BootActiveAsync(ComputeApi api, string name)
    {
        var id = await api.BootAsync(name);
        (await api.WaitSettledAsync(id, Wait)).GetProperty("status").GetString().ShouldBe("ACTIVE");
        return id;
    }

    private static async Task<string> RequestIdAsync(ComputeApi api, string id, string action)
    {
        using var list = await api.SendAsync(HttpMethod.Get, $"/compute/v2.1/servers/{id}/os-instance-actions", null);
        return JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetProperty("instanceActions").EnumerateArray()
            .First(a => a.GetProperty("action").GetString() == action).GetProperty("request_id").GetString()!;
    }

    private static async Task<Dictionary<string, List<string>>> EventsAsync(ComputeApi api, string id)
    {
        using var list = await api.SendAsync(HttpMethod.Get, $"/compute/v2.1/servers/{id}/os-instance-actions", null);
        var actions = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetProperty("instanceActions");
        var result = new Dictionary<string, List<string>>();
        foreach (var action in actions.EnumerateArray())
        {
            using var one = await api.SendAsync(HttpMethod.Get, $"/compute/v2.1/servers/{id}/os-instance-actions/{action.GetProperty("request_id").GetString()}", null);
            var events = JsonDocument.Parse(await one.Content.ReadAsStringAsync()).RootElement.GetProperty("instanceAction").GetProperty("events");
            result[action.GetProperty("action").GetString()!] = [.. events.EnumerateArray().Select(e => $"{e.GetProperty("event").GetString()}:{e.GetProperty("result").GetString()}")];
        }

        return result;
    }
}
