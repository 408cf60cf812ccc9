using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Testing;
using Shouldly;
using Xunit;
using static FuncCloud.Functions.Tests.Volume.VolumeCli;

namespace FuncCloud.Functions.Tests.Volume;

/// <summary>
/// <c>openstack image create --volume</c> (cinder's <c>os-volume_upload_image</c>) on an all-in-one node: the storage
/// node streams the volume into the image's data (the Fake driver's synthetic 1 GiB: a block naming the volume, zeros
/// after it), the image becomes active with the volume's size, the volume returns to available; in-use needs force;
/// a reader is refused; formats other than raw/bare are refused before anything exists.
/// </summary>
public sealed class VolumeUploadImageCliTests(AllInOneFixture host) : IClassFixture<AllInOneFixture>
{
    [Fact]
    public async Task ImageCreateVolume_StreamsTheVolumeIntoAnActiveImage()
    {
        var demo = new Dictionary<string, string>(host.DemoEnvironment) { ["OS_COMPUTE_API_VERSION"] = "2.79" }; // --nic none needs 2.37+
        await JsonAsync(demo, "volume", "create", "--size", "1", "up-v1");
        var volumeId = (await WaitStatusAsync(demo, ["volume", "show", "up-v1"], "available", "error")).GetProperty("id").GetString()!;

        var upload = await JsonAsync(demo, "image", "create", "--volume", "up-v1", "up-img");
        upload.GetProperty("status").GetString().ShouldBe("uploading");
        upload.GetProperty("id").GetString().ShouldBe(volumeId);
        upload.GetProperty("disk_format").GetString().ShouldBe("raw");
        upload.GetProperty("container_format").GetString().ShouldBe("bare");
        upload.GetProperty("volume_type").GetString().ShouldBe("__DEFAULT__");
        var imageId = upload.GetProperty("image_id").GetString()!;

        JsonElementHolder image = new();
        await Poll.UntilAsync(async () => (image.Value = await JsonAsync(demo, "image", "show", imageId)).GetProperty("status").GetString() is "active" or "killed" or "deleted",
            "the image to become active", TimeSpan.FromMinutes(4));
        image.Value.GetProperty("status").GetString().ShouldBe("active");
        image.Value.GetProperty("size").GetInt64().ShouldBe(1L << 30);
        image.Value.GetProperty("disk_format").GetString().ShouldBe("raw");
        image.Value.GetProperty("min_disk").GetInt32().ShouldBe(1);
        (await WaitStatusAsync(demo, ["volume", "show", volumeId], "available", "error")).GetProperty("status").GetString().ShouldBe("available");

        // A reader of the project may not upload; qcow2 is refused before an image exists.
        (await RunAsync(host.AdminEnvironment, "user", "create", "--domain", "Default", "--password", "up-reader-pass", "up-reader")).ExitCode.ShouldBe(0);
        (await RunAsync(host.AdminEnvironment, "role", "add", "--user", "up-reader", "--project", "demo", "reader")).ExitCode.ShouldBe(0);
        var reader = host.PasswordEnvironment("up-reader", "up-reader-pass", "demo");
        var refused = await RunAsync(reader, "image", "create", "--volume", volumeId, "up-reader-img");
        refused.ExitCode.ShouldNotBe(0);
        refused.StandardError.ShouldContain("403");
        var qcow = await RunAsync(demo, "image", "create", "--volume", volumeId, "--disk-format", "qcow2", "up-qcow");
        qcow.ExitCode.ShouldNotBe(0);
        qcow.StandardError.ShouldContain("HTTP 400");
        (await JsonAsync(demo, "image", "list")).GetRawText().ShouldNotContain("up-qcow");
        (await JsonAsync(demo, "image", "list")).GetRawText().ShouldNotContain("up-reader-img");

        // In use: refused without force, uploaded with it, and the volume goes back to in-use.
        var server = (await JsonAsync(demo, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageId, "--nic", "none", "--wait", "up-vm")).GetProperty("id").GetString()!;
        (await RunAsync(demo, "server", "add", "volume", server, volumeId)).ExitCode.ShouldBe(0);
        await WaitStatusAsync(demo, ["volume", "show", volumeId], "in-use");
        var inUse = await RunAsync(demo, "image", "create", "--volume", volumeId, "up-inuse");
        inUse.ExitCode.ShouldNotBe(0);
        inUse.StandardError.ShouldContain("HTTP 400");
        var forced = await JsonAsync(demo, "image", "create", "--volume", volumeId, "--force", "up-forced");
        var forcedImage = forced.GetProperty("image_id").GetString()!;
        await Poll.UntilAsync(async () => (await JsonAsync(demo, "image", "show", forcedImage)).GetProperty("status").GetString() == "active", "the forced upload", TimeSpan.FromMinutes(4));
        (await WaitStatusAsync(demo, ["volume", "show", volumeId], "in-use", "available", "error")).GetProperty("status").GetString().ShouldBe("in-use");

        (await RunAsync(demo, "server", "delete", "--wait", server)).ExitCode.ShouldBe(0);
        await WaitStatusAsync(demo, ["volume", "show", volumeId], "available");
        (await RunAsync(demo, "image", "delete", imageId, forcedImage)).ExitCode.ShouldBe(0);
        (await RunAsync(demo, "volume", "delete", volumeId)).ExitCode.ShouldBe(0);
    }

    private sealed class JsonElementHolder
    {
        public System.Text.Json.JsonElement Value { get; set; }
    }
}
