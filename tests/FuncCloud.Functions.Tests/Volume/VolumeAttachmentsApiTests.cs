using System.Net.Http.Headers;
using System.Text.Json;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Testing;
using Shouldly;
using Xunit;
using static FuncCloud.Functions.Tests.Volume.VolumeCli;

namespace FuncCloud.Functions.Tests.Volume;

/// <summary>
/// Cinder's attachments API (3.27+) on an all-in-one node: <c>openstack volume attachment create / set / complete /
/// list / show / delete</c> walk a volume through reserved → attaching (exported by the storage node) → in-use →
/// available; readers read but cannot change; another project's attachments are invisible; nova's
/// <c>server add volume</c> shows up as the same attachment record.
/// </summary>
public sealed class VolumeAttachmentsApiTests(AllInOneFixture host) : IClassFixture<AllInOneFixture>
{
    private IDictionary<string, string> Demo => new Dictionary<string, string>(host.DemoEnvironment) { ["OS_VOLUME_API_VERSION"] = "3.44", ["OS_COMPUTE_API_VERSION"] = "2.79" };

    [Fact]
    public async Task AttachmentLifecycle_ThroughTheCli_ReservedAttachingInUseAvailable()
    {
        var serverId = (await JsonAsync(Demo, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageId, "--nic", "none", "--wait", "cat-vm1")).GetProperty("id").GetString()!;
        await JsonAsync(Demo, "volume", "create", "--size", "1", "cat-v1");
        var volumeId = (await WaitStatusAsync(Demo, ["volume", "show", "cat-v1"], "available", "error")).GetProperty("id").GetString()!;

        var created = await JsonAsync(Demo, "volume", "attachment", "create", "cat-v1", "cat-vm1");
        created.GetProperty("Status").GetString().ShouldBe("reserved");
        created.GetProperty("Instance ID").GetString().ShouldBe(serverId);
        created.GetProperty("Attach Mode").GetString().ShouldBe("null");
        var attachmentId = created.GetProperty("ID").GetString()!;
        (await JsonAsync(Demo, "volume", "show", "cat-v1")).GetProperty("status").GetString().ShouldBe("reserved");
        (await RunAsync(Demo, "volume", "delete", "cat-v1")).ExitCode.ShouldNotBe(0);

        var updated = await JsonAsync(Demo, "volume", "attachment", "set", attachmentId, "--host", "local", "--mountpoint", "/dev/vdc");
        updated.GetProperty("Status").GetString().ShouldBe("attaching");
        updated.GetProperty("Attach Mode").GetString().ShouldBe("rw");
        updated.GetProperty("Properties").GetRawText().ShouldContain("driver_volume_type");
        (await JsonAsync(Demo, "volume", "show", "cat-v1")).GetProperty("status").GetString().ShouldBe("attaching");

        (await RunAsync(Demo, "volume", "attachment", "complete", attachmentId)).ExitCode.ShouldBe(0);
        var inUse = await JsonAsync(Demo, "volume", "show", "cat-v1");
        inUse.GetProperty("status").GetString().ShouldBe("in-use");
        inUse.GetRawText().ShouldContain(attachmentId);

        var shown = await JsonAsync(Demo, "volume", "attachment", "show", attachmentId);
        shown.GetProperty("Status").GetString().ShouldBe("attached");
        shown.GetProperty("Attached At").GetString().ShouldNotBeNullOrEmpty();
        var listed = await JsonAsync(Demo, "volume", "attachment", "list", "--volume-id", volumeId);
        listed.EnumerateArray().ShouldContain(a => a.GetProperty("ID").GetString() == attachmentId && a.GetProperty("Server ID").GetString() == serverId);

        (await RunAsync(Demo, "volume", "attachment", "delete", attachmentId)).ExitCode.ShouldBe(0);
        (await JsonAsync(Demo, "volume", "show", "cat-v1")).GetProperty("status").GetString().ShouldBe("available");
        (await RunAsync(Demo, "volume", "attachment", "show", attachmentId)).ExitCode.ShouldNotBe(0);
        (await JsonAsync(Demo, "volume", "attachment", "list")).EnumerateArray().ShouldNotContain(a => a.GetProperty("ID").GetString() == attachmentId);

        // Nova's os-volume_attachments keeps the same records: the server's attachment is listed by cinder's API.
        (await RunAsync(Demo, "server", "add", "volume", "cat-vm1", "cat-v1")).ExitCode.ShouldBe(0);
        (await WaitStatusAsync(Demo, ["volume", "show", "cat-v1"], "in-use", "available", "error")).GetProperty("status").GetString().ShouldBe("in-use");
        var novas = await JsonAsync(Demo, "volume", "attachment", "list", "--volume-id", volumeId);
        novas.EnumerateArray().ShouldHaveSingleItem().GetProperty("Status").GetString().ShouldBe("attached");
        (await RunAsync(Demo, "server", "remove", "volume", "cat-vm1", "cat-v1")).ExitCode.ShouldBe(0);
        (await WaitStatusAsync(Demo, ["volume", "show", "cat-v1"], "available", "error")).GetProperty("status").GetString().ShouldBe("available");
        (await JsonAsync(Demo, "volume", "attachment", "list", "--volume-id", volumeId)).GetArrayLength().ShouldBe(0);

        (await RunAsync(Demo, "volume", "delete", "cat-v1")).ExitCode.ShouldBe(0);
        (await RunAsync(Demo, "server", "delete", "--wait", "cat-vm1")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Attachments_PolicyIsolationAndMicroversions()
    {
        var reader = new Dictionary<string, string>(host.PasswordEnvironment("cat-reader", "cat-reader-pass", "demo")) { ["OS_VOLUME_API_VERSION"] = "3.44" };
        (await RunAsync(host.AdminEnvironment, "user", "create", "--domain", "Default", "--password", "cat-reader-pass", "cat-reader")).ExitCode.ShouldBe(0);
        (await RunAsync(host.AdminEnvironment, "role", "add", "--user", "cat-reader", "--project", "demo", "reader")).ExitCode.ShouldBe(0);
        await JsonAsync(Demo, "volume", "create", "--size", "1", "cat-v2");
        var volumeId = (await WaitStatusAsync(Demo, ["volume", "show", "cat-v2"], "available", "error")).GetProperty("id").GetString()!;
        var demoProject = (await JsonAsync(Demo, "token", "issue")).GetProperty("project_id").GetString()!;
        var demoToken = await host.TokenAsync("demo", ComputeHostFixture.DemoPassword, "demo");

        // Older microversions do not have the API (cinder's 404).
        (await SendAsync(HttpMethod.Get, $"/volume/v3/{demoProject}/attachments", demoToken, "3.26")).Status.ShouldBe(404);

        var created = await SendAsync(HttpMethod.Post, $"/volume/v3/{demoProject}/attachments", demoToken, "3.27", "{\"attachment\": {\"volume_uuid\": \"" + volumeId + "\"}}");
        created.Status.ShouldBe(200, created.Body.GetRawText());
        var attachment = created.Body.GetProperty("attachment");
        attachment.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["attach_mode", "attached_at", "connection_info", "detached_at", "id", "instance", "status", "volume_id"]);
        var attachmentId = attachment.GetProperty("id").GetString()!;
        var again = await SendAsync(HttpMethod.Post, $"/volume/v3/{demoProject}/attachments", demoToken, "3.27", "{\"attachment\": {\"volume_uuid\": \"" + volumeId + "\"}}");
        again.Status.ShouldBe(400);
        again.Body.GetProperty("badRequest").GetProperty("message").GetString()!.ShouldContain("must be available");
        var early = await SendAsync(HttpMethod.Post, $"/volume/v3/{demoProject}/attachments/{attachmentId}/action", demoToken, "3.44", "{\"os-complete\": null}");
        early.Status.ShouldBe(400);

        // A reader reads, but cannot create, update or delete.
        var readerList = await JsonAsync(reader, "volume", "attachment", "list");
        readerList.EnumerateArray().ShouldContain(a => a.GetProperty("ID").GetString() == attachmentId);
        var readerDelete = await RunAsync(reader, "volume", "attachment", "delete", attachmentId);
        readerDelete.ExitCode.ShouldNotBe(0);
        readerDelete.StandardError.ShouldContain("403");

        // Another project (the admin's own) does not see it; the admin reaches it with all_tenants or its id.
        var admin = new Dictionary<string, string>(host.AdminEnvironment) { ["OS_VOLUME_API_VERSION"] = "3.44" };
        (await JsonAsync(admin, "volume", "attachment", "list")).EnumerateArray().ShouldNotContain(a => a.GetProperty("ID").GetString() == attachmentId);
        (await JsonAsync(admin, "volume", "attachment", "list", "--all-projects")).EnumerateArray().ShouldContain(a => a.GetProperty("ID").GetString() == attachmentId);
        await JsonAsync(admin, "volume", "create", "--size", "1", "cat-admin-v");
        var adminVolume = (await WaitStatusAsync(admin, ["volume", "show", "cat-admin-v"], "available", "error")).GetProperty("id").GetString()!;
        var adminToken = await host.TokenAsync("admin", ComputeHostFixture.AdminPassword, "admin");
        var adminProject = (await JsonAsync(admin, "token", "issue")).GetProperty("project_id").GetString()!;
        var adminAttachment = (await SendAsync(HttpMethod.Post, $"/volume/v3/{adminProject}/attachments", adminToken, "3.27", "{\"attachment\": {\"volume_uuid\": \"" + adminVolume + "\"}}")).Body.GetProperty("attachment").GetProperty("id").GetString()!;
        var hidden = await SendAsync(HttpMethod.Get, $"/volume/v3/{demoProject}/attachments/{adminAttachment}", demoToken, "3.27");
        hidden.Status.ShouldBe(404);
        hidden.Body.GetProperty("itemNotFound").GetProperty("message").GetString()!.ShouldContain(adminAttachment);
        (await SendAsync(HttpMethod.Delete, $"/volume/v3/{demoProject}/attachments/{adminAttachment}", demoToken, "3.27")).Status.ShouldBe(404);
        (await SendAsync(HttpMethod.Post, $"/volume/v3/{demoProject}/attachments", demoToken, "3.27", "{\"attachment\": {\"volume_uuid\": \"" + adminVolume + "\"}}")).Status.ShouldBe(404);

        var deleted = await SendAsync(HttpMethod.Delete, $"/volume/v3/{demoProject}/attachments/{attachmentId}", demoToken, "3.27");
        deleted.Status.ShouldBe(200);
        deleted.Body.GetProperty("attachments").GetArrayLength().ShouldBe(0);
        (await JsonAsync(Demo, "volume", "show", "cat-v2")).GetProperty("status").GetString().ShouldBe("available");
        (await SendAsync(HttpMethod.Delete, $"/volume/v3/{adminProject}/attachments/{adminAttachment}", adminToken, "3.27")).Status.ShouldBe(200);
        (await RunAsync(admin, "volume", "delete", "cat-admin-v")).ExitCode.ShouldBe(0);
        (await RunAsync(Demo, "volume", "delete", "cat-v2")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task LegacyActions_ShareTheAttachmentRecords()
    {
        await JsonAsync(Demo, "volume", "create", "--size", "1", "cat-v3");
        var volumeId = (await WaitStatusAsync(Demo, ["volume", "show", "cat-v3"], "available", "error")).GetProperty("id").GetString()!;
        var project = (await JsonAsync(Demo, "token", "issue")).GetProperty("project_id").GetString()!;
        var token = await host.TokenAsync("demo", ComputeHostFixture.DemoPassword, "demo");
        var action = $"/volume/v3/{project}/volumes/{volumeId}/action";
        const string instance = "0b5c1f6e-3f7a-4a59-9d2e-6c1b8e7f4a10";

        (await SendAsync(HttpMethod.Post, action, token, "3.0", "{\"os-reserve\": {}}")).Status.ShouldBe(202);
        (await JsonAsync(Demo, "volume", "show", "cat-v3")).GetProperty("status").GetString().ShouldBe("attaching");
        (await SendAsync(HttpMethod.Post, action, token, "3.0", "{\"os-attach\": {\"instance_uuid\": \"" + instance + "\", \"mountpoint\": \"/dev/vdd\", \"mode\": \"rw\"}}")).Status.ShouldBe(202);
        (await JsonAsync(Demo, "volume", "show", "cat-v3")).GetProperty("status").GetString().ShouldBe("in-use");

        var listed = await SendAsync(HttpMethod.Get, $"/volume/v3/{project}/attachments/detail?volume_id={volumeId}", token, "3.27");
        var attachment = listed.Body.GetProperty("attachments").EnumerateArray().ShouldHaveSingleItem();
        attachment.GetProperty("status").GetString().ShouldBe("attached");
        attachment.GetProperty("instance").GetString().ShouldBe(instance);
        attachment.GetProperty("attach_mode").GetString().ShouldBe("rw");
        var attachmentId = attachment.GetProperty("id").GetString()!;
        (await SendAsync(HttpMethod.Get, $"/volume/v3/{project}/attachments/{attachmentId}", token, "3.27")).Status.ShouldBe(200);

        (await SendAsync(HttpMethod.Post, action, token, "3.0", "{\"os-begin_detaching\": {}}")).Status.ShouldBe(202);
        (await JsonAsync(Demo, "volume", "show", "cat-v3")).GetProperty("status").GetString().ShouldBe("detaching");
        (await SendAsync(HttpMethod.Post, action, token, "3.0", "{\"os-roll_detaching\": {}}")).Status.ShouldBe(202);
        (await JsonAsync(Demo, "volume", "show", "cat-v3")).GetProperty("status").GetString().ShouldBe("in-use");
        (await SendAsync(HttpMethod.Post, action, token, "3.0", "{\"os-detach\": {\"attachment_id\": \"" + attachmentId + "\"}}")).Status.ShouldBe(202);
        (await JsonAsync(Demo, "volume", "show", "cat-v3")).GetProperty("status").GetString().ShouldBe("available");
        (await SendAsync(HttpMethod.Get, $"/volume/v3/{project}/attachments/{attachmentId}", token, "3.27")).Status.ShouldBe(404);
        (await RunAsync(Demo, "volume", "delete", "cat-v3")).ExitCode.ShouldBe(0);
    }

    private async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string token, string version, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.Add("OpenStack-API-Version", "volume " + version);
        if (json is not null)
        {
            request.Content = new StringContent(json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        using var response = await host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }
}
