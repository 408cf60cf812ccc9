using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Testing;
using Shouldly;
using Xunit;
using static FuncCloud.Functions.Tests.Volume.VolumeCli;

namespace FuncCloud.Functions.Tests.Volume;

/// <summary>
/// Boot from volume through <c>block_device_mapping_v2</c> with Debian's <c>openstack</c> CLI on an all-in-one node
/// (compute + storage, Fake drivers): an existing bootable volume (<c>--volume</c>), a root volume made from an image
/// with a blank data volume (<c>--block-device</c>), nova's API refusals, and a failed volume create that leaves
/// nothing behind.
/// </summary>
public sealed class VolumeBootCliTests(AllInOneFixture host) : IClassFixture<AllInOneFixture>
{
    private IDictionary<string, string> Demo => new Dictionary<string, string>(host.DemoEnvironment) { ["OS_COMPUTE_API_VERSION"] = "2.79" };

    [Fact]
    public async Task ServerCreateVolume_BootsFromTheUsersVolume_DeleteGivesItBack()
    {
        var demo = Demo;
        await JsonAsync(demo, "volume", "create", "--image", ComputeHostFixture.ImageId, "--size", "1", "bfv-root");
        var volumeId = (await WaitStatusAsync(demo, ["volume", "show", "bfv-root"], "available", "error")).GetProperty("id").GetString()!;

        var server = await JsonAsync(demo, "server", "create", "--volume", "bfv-root", "--flavor", "m1.tiny", "--nic", "none", "--wait", "bfv-vm1");
        server.GetProperty("status").GetString().ShouldBe("ACTIVE");
        var serverId = server.GetProperty("id").GetString()!;

        var shown = await JsonAsync(demo, "server", "show", serverId);
        shown.GetProperty("image").GetString().ShouldBe("N/A (booted from volume)"); // the API's "image": ""
        shown.GetRawText().ShouldContain(volumeId);
        var volume = await JsonAsync(demo, "volume", "show", volumeId);
        volume.GetProperty("status").GetString().ShouldBe("in-use");
        volume.GetRawText().ShouldContain("/dev/vda");
        (await JsonAsync(demo, "server", "volume", "list", serverId)).EnumerateArray().ShouldContain(a => a.GetProperty("Device").GetString() == "/dev/vda");
        host.Drivers.Get("local").BootVolume(serverId).ShouldBe(volumeId);
        host.Drivers.Get("local").AttachedVolumes(serverId).ShouldContainKeyAndValue(volumeId, "/dev/vda");

        // delete_on_termination is false for --volume: the server's delete gives the volume back.
        (await RunAsync(demo, "server", "delete", "--wait", serverId)).ExitCode.ShouldBe(0);
        (await WaitStatusAsync(demo, ["volume", "show", volumeId], "available", "error")).GetProperty("status").GetString().ShouldBe("available");
        (await JsonAsync(demo, "volume", "show", volumeId)).GetProperty("attachments").GetArrayLength().ShouldBe(0);
        (await RunAsync(demo, "volume", "delete", volumeId)).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task ServerCreateBootFromVolume_ImageToVolumePlusBlankData_DeleteOnTerminationDecides()
    {
        var demo = Demo;
        var before = (await JsonAsync(demo, "volume", "list")).GetArrayLength();

        // OSC 6.0 wants an --image/--volume/--snapshot: --image with --boot-from-volume is its image → volume mapping
        // (boot_index 0, no imageRef, delete_on_termination false); --block-device adds a blank data volume that goes with the server.
        var server = await JsonAsync(demo, "server", "create", "--flavor", "m1.tiny", "--nic", "none", "--wait",
            "--image", ComputeHostFixture.ImageId, "--boot-from-volume", "1",
            "--block-device", "source_type=blank,destination_type=volume,volume_size=1,delete_on_termination=true",
            "bfv-vm2");
        server.GetProperty("status").GetString().ShouldBe("ACTIVE");
        var serverId = server.GetProperty("id").GetString()!;

        var attached = await JsonAsync(demo, "server", "volume", "list", serverId);
        attached.GetArrayLength().ShouldBe(2);
        var root = attached.EnumerateArray().Single(a => a.GetProperty("Device").GetString() == "/dev/vda").GetProperty("Volume ID").GetString()!;
        var data = attached.EnumerateArray().Single(a => a.GetProperty("Device").GetString() == "/dev/vdb").GetProperty("Volume ID").GetString()!;
        var rootVolume = await JsonAsync(demo, "volume", "show", root);
        rootVolume.GetProperty("status").GetString().ShouldBe("in-use");
        rootVolume.GetProperty("bootable").GetString().ShouldBe("true");
        rootVolume.GetProperty("size").GetInt32().ShouldBe(1);
        (await JsonAsync(demo, "volume", "show", data)).GetProperty("status").GetString().ShouldBe("in-use");
        host.Drivers.Get("local").BootVolume(serverId).ShouldBe(root);
        host.Drivers.Get("local").AttachedVolumes(serverId).Count.ShouldBe(2);
        (await JsonAsync(demo, "volume", "attachment", "list", "--os-volume-api-version", "3.27")).GetRawText().ShouldContain(serverId);

        (await JsonAsync(demo, "server", "show", serverId)).GetProperty("image").GetString().ShouldBe("N/A (booted from volume)");

        (await RunAsync(demo, "server", "delete", "--wait", serverId)).ExitCode.ShouldBe(0);
        await Poll.UntilAsync(async () => (await RunAsync(demo, "volume", "show", data)).ExitCode != 0, "the delete_on_termination volume to go", TimeSpan.FromMinutes(2));
        (await WaitStatusAsync(demo, ["volume", "show", root], "available")).GetProperty("attachments").GetArrayLength().ShouldBe(0);
        (await RunAsync(demo, "volume", "delete", root)).ExitCode.ShouldBe(0);
        await Poll.UntilAsync(async () => (await JsonAsync(demo, "volume", "list")).GetArrayLength() == before, "the root volume to go", TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task ServerCreate_NovasRefusals_BeforeAnythingStarts()
    {
        var demo = Demo;
        var token = await host.TokenAsync("demo", ComputeHostFixture.DemoPassword, "demo");
        await JsonAsync(demo, "volume", "create", "--size", "1", "bfv-plain");
        var plain = (await WaitStatusAsync(demo, ["volume", "show", "bfv-plain"], "available")).GetProperty("id").GetString()!;
        var before = (await JsonAsync(demo, "server", "list")).GetArrayLength();

        async Task RefusedAsync(string bdm, string message)
        {
            var body = "{\"server\": {\"name\": \"bfv-bad\", \"flavorRef\": \"1\", \"imageRef\": \"\", \"networks\": \"none\", \"block_device_mapping_v2\": [" + bdm + "]}}";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/compute/v2.1/servers") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Auth-Token", token);
            request.Headers.Add("OpenStack-API-Version", "compute 2.79");
            using var response = await host.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).ShouldBe(400, text);
            System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("badRequest").GetProperty("message").GetString()!.ShouldContain(message);
        }

        await RefusedAsync($"{{\"uuid\": \"{Guid.NewGuid()}\", \"source_type\": \"volume\", \"destination_type\": \"volume\", \"boot_index\": 0}}", "Block Device Mapping is Invalid: failed to get volume");
        await RefusedAsync($"{{\"uuid\": \"{ComputeHostFixture.ImageId}\", \"source_type\": \"image\", \"destination_type\": \"volume\", \"boot_index\": 0}}", "need to have a non-zero size specified");
        await RefusedAsync($"{{\"uuid\": \"{Guid.NewGuid()}\", \"source_type\": \"image\", \"destination_type\": \"volume\", \"volume_size\": 1, \"boot_index\": 0}}", "failed to get image");
        await RefusedAsync($"{{\"uuid\": \"{Guid.NewGuid()}\", \"source_type\": \"snapshot\", \"destination_type\": \"volume\", \"boot_index\": 0}}", "failed to get snapshot");
        await RefusedAsync($"{{\"uuid\": \"{plain}\", \"source_type\": \"volume\", \"destination_type\": \"volume\", \"boot_index\": 0}}", $"Block Device {plain} is not bootable.");

        // The admin's volume is not the demo project's: the same 400 as a missing one.
        var admin = host.AdminEnvironment;
        var adminVolume = (await JsonAsync(admin, "volume", "create", "--image", ComputeHostFixture.ImageId, "--size", "1", "bfv-admin")).GetProperty("id").GetString()!;
        await WaitStatusAsync(admin, ["volume", "show", adminVolume], "available");
        await RefusedAsync($"{{\"uuid\": \"{adminVolume}\", \"source_type\": \"volume\", \"destination_type\": \"volume\", \"boot_index\": 0}}", "failed to get volume");

        // An in-use volume cannot be booted from.
        var holder = (await JsonAsync(demo, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageId, "--nic", "none", "--wait", "bfv-holder")).GetProperty("id").GetString()!;
        (await RunAsync(demo, "server", "add", "volume", holder, plain)).ExitCode.ShouldBe(0);
        await WaitStatusAsync(demo, ["volume", "show", plain], "in-use");
        await RefusedAsync($"{{\"uuid\": \"{plain}\", \"source_type\": \"volume\", \"destination_type\": \"volume\", \"boot_index\": 1}}, {{\"uuid\": \"{ComputeHostFixture.ImageId}\", \"source_type\": \"image\", \"destination_type\": \"volume\", \"volume_size\": 1, \"boot_index\": 0}}", $"volume '{plain}' status must be 'available'. Currently in 'in-use'");

        (await JsonAsync(demo, "server", "list")).GetArrayLength().ShouldBe(before + 1); // only the holder
        (await RunAsync(demo, "server", "delete", "--wait", holder)).ExitCode.ShouldBe(0);
        await WaitStatusAsync(demo, ["volume", "show", plain], "available");
        (await RunAsync(demo, "volume", "delete", plain)).ExitCode.ShouldBe(0);
        (await RunAsync(admin, "volume", "delete", adminVolume)).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task ServerCreate_OverTheGigabytesQuota_ErrorAndNothingLeft()
    {
        var demo = Demo;
        await JsonAsync(demo, "volume", "create", "--image", ComputeHostFixture.ImageId, "--size", "1", "bfv-q-root");
        var userVolume = (await WaitStatusAsync(demo, ["volume", "show", "bfv-q-root"], "available")).GetProperty("id").GetString()!;
        var before = (await JsonAsync(demo, "volume", "list")).GetArrayLength();

        // The root is the user's volume; the data volume would exceed the gigabytes quota.
        var created = await RunAsync(demo, "server", "create", "--flavor", "m1.tiny", "--nic", "none", "--volume", "bfv-q-root",
            "--block-device", "source_type=blank,destination_type=volume,volume_size=5000,delete_on_termination=true", "bfv-q-vm");
        created.ExitCode.ShouldBe(0, created.ToString());
        JsonElementStatus server = default!;
        await Poll.UntilAsync(async () => (server = new(await JsonAsync(demo, "server", "show", "bfv-q-vm"))).Status is "ERROR" or "ACTIVE", "the boot to end", TimeSpan.FromMinutes(3));
        server.Status.ShouldBe("ERROR");
        server.Raw.ShouldContain("gigabytes quota");

        (await JsonAsync(demo, "volume", "show", userVolume)).GetProperty("status").GetString().ShouldBe("available");
        (await JsonAsync(demo, "volume", "list")).GetArrayLength().ShouldBe(before);
        (await RunAsync(demo, "server", "delete", "--wait", "bfv-q-vm")).ExitCode.ShouldBe(0);
        (await JsonAsync(demo, "volume", "show", userVolume)).GetProperty("status").GetString().ShouldBe("available");
        (await RunAsync(demo, "volume", "delete", userVolume)).ExitCode.ShouldBe(0);
    }

    private sealed record JsonElementStatus(string? Status, string Raw)
    {
        public JsonElementStatus(System.Text.Json.JsonElement json)
            : this(json.GetProperty("status").GetString(), json.GetRawText())
        {
        }
    }
}
