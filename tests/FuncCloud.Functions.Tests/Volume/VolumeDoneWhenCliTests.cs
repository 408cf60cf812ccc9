using FuncCloud.Functions.Tests.Compute.Servers;
using Shouldly;
using Xunit;
using static FuncCloud.Functions.Tests.Volume.VolumeCli;

namespace FuncCloud.Functions.Tests.Volume;

/// <summary>
/// Issue 11's "Done when" lines, in order, through Debian's <c>openstack</c> CLI as demo on one all-in-one node
/// (compute + storage roles, Fake drivers).
/// </summary>
public sealed class VolumeDoneWhenCliTests(AllInOneFixture host) : IClassFixture<AllInOneFixture>
{
    private IDictionary<string, string> Demo => new Dictionary<string, string>(host.DemoEnvironment) { ["OS_COMPUTE_API_VERSION"] = "2.79" };

    [Fact]
    public async Task DoneWhen_Issue11_ThroughTheCliInOrder()
    {
        var demo = Demo;

        // volume create --size 1 v1 (available), volume list / show
        await JsonAsync(demo, "volume", "create", "--size", "1", "dw-v1");
        var v1 = await WaitStatusAsync(demo, ["volume", "show", "dw-v1"], "available", "error");
        v1.GetProperty("status").GetString().ShouldBe("available");
        var v1Id = v1.GetProperty("id").GetString()!;
        (await JsonAsync(demo, "volume", "list")).EnumerateArray().ShouldContain(v => v.GetProperty("ID").GetString() == v1Id);
        (await JsonAsync(demo, "volume", "show", "dw-v1")).GetProperty("size").GetInt32().ShouldBe(1);

        // volume snapshot create --volume v1 s1, volume create --snapshot s1 v2, volume create --image <img> --size 1 v3
        await JsonAsync(demo, "volume", "snapshot", "create", "--volume", "dw-v1", "dw-s1");
        (await WaitStatusAsync(demo, ["volume", "snapshot", "show", "dw-s1"], "available", "error")).GetProperty("status").GetString().ShouldBe("available");
        await JsonAsync(demo, "volume", "create", "--snapshot", "dw-s1", "dw-v2");
        (await WaitStatusAsync(demo, ["volume", "show", "dw-v2"], "available", "error")).GetProperty("status").GetString().ShouldBe("available");
        await JsonAsync(demo, "volume", "create", "--image", ComputeHostFixture.ImageId, "--size", "1", "dw-v3");
        var v3 = await WaitStatusAsync(demo, ["volume", "show", "dw-v3"], "available", "error");
        v3.GetProperty("status").GetString().ShouldBe("available");
        v3.GetProperty("bootable").GetString().ShouldBe("true");

        // server add volume vm1 v1 (in-use, the device on both sides); deleting it in use → 400 with the reason
        var serverId = (await JsonAsync(demo, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageId, "--nic", "none", "--wait", "dw-vm1"))
            .GetProperty("id").GetString()!;
        (await RunAsync(demo, "server", "add", "volume", "dw-vm1", "dw-v1")).ExitCode.ShouldBe(0);
        var inUse = await WaitStatusAsync(demo, ["volume", "show", "dw-v1"], "in-use", "available", "error");
        inUse.GetProperty("status").GetString().ShouldBe("in-use");
        inUse.GetRawText().ShouldContain("/dev/vdb");
        (await JsonAsync(demo, "server", "volume", "list", "dw-vm1")).EnumerateArray().ShouldContain(a => a.GetProperty("Device").GetString() == "/dev/vdb");
        host.Drivers.Get("local").AttachedVolumes(serverId).ShouldContainKeyAndValue(v1Id, "/dev/vdb");
        var refused = await RunAsync(demo, "volume", "delete", "dw-v1");
        refused.ExitCode.ShouldNotBe(0);
        refused.StandardError.ShouldContain("HTTP 400");

        // v1 still has s1, and that reason is checked first here (cinder answers one combined message); the attachment
        // reason itself shows on v2, attached with no snapshot of its own.
        refused.StandardError.ShouldContain("dependent snapshots");
        (await RunAsync(demo, "server", "add", "volume", "dw-vm1", "dw-v2")).ExitCode.ShouldBe(0);
        await WaitStatusAsync(demo, ["volume", "show", "dw-v2"], "in-use");
        var refusedV2 = await RunAsync(demo, "volume", "delete", "dw-v2");
        refusedV2.ExitCode.ShouldNotBe(0);
        refusedV2.StandardError.ShouldContain("HTTP 400");
        refusedV2.StandardError.ShouldContain("attached to server " + serverId);
        (await RunAsync(demo, "server", "remove", "volume", "dw-vm1", "dw-v2")).ExitCode.ShouldBe(0);
        await WaitStatusAsync(demo, ["volume", "show", "dw-v2"], "available");

        // server remove volume vm1 v1
        (await RunAsync(demo, "server", "remove", "volume", "dw-vm1", "dw-v1")).ExitCode.ShouldBe(0);
        (await WaitStatusAsync(demo, ["volume", "show", "dw-v1"], "available", "error")).GetProperty("status").GetString().ShouldBe("available");
        host.Drivers.Get("local").AttachedVolumes(serverId).ShouldBeEmpty();

        // volume set --size 2 v1 (extend)
        (await RunAsync(demo, "volume", "set", "--size", "2", "dw-v1")).ExitCode.ShouldBe(0);
        await Poll.UntilAsync(async () => (await JsonAsync(demo, "volume", "show", "dw-v1")) is var v
            && v.GetProperty("size").GetInt32() == 2 && v.GetProperty("status").GetString() == "available", "the extend to 2 GB", TimeSpan.FromMinutes(2));

        // volume backup create v1 + volume backup restore (to a new volume)
        await JsonAsync(demo, "volume", "backup", "create", "--name", "dw-b1", "dw-v1");
        (await WaitStatusAsync(demo, ["volume", "backup", "show", "dw-b1"], "available", "error")).GetProperty("size").GetInt32().ShouldBe(2);
        await WaitStatusAsync(demo, ["volume", "show", "dw-v1"], "available");
        var restore = await RunAsync(demo, "volume", "backup", "restore", "dw-b1", "dw-v4");
        restore.StandardError.ShouldNotContain("HTTP "); // OSC 6.0 may fail printing cinderclient's Restore object after the request
        var v4 = await WaitStatusAsync(demo, ["volume", "show", "dw-v4"], "available", "error", "error_restoring");
        v4.GetProperty("status").GetString().ShouldBe("available");
        v4.GetProperty("size").GetInt32().ShouldBe(2);

        // image create --volume v2 img-from-vol (v2 is 1 GB: the Fake node streams 1 GiB into Glance), active, v2 available again
        var uploaded = await JsonAsync(demo, "image", "create", "--volume", "dw-v2", "dw-img-from-vol");
        var fromVolume = uploaded.GetProperty("image_id").GetString()!;
        await Poll.UntilAsync(async () => (await JsonAsync(demo, "image", "show", fromVolume)).GetProperty("status").GetString() == "active", "the uploaded image", TimeSpan.FromMinutes(4));
        await WaitStatusAsync(demo, ["volume", "show", "dw-v2"], "available");
        (await RunAsync(demo, "image", "delete", fromVolume)).ExitCode.ShouldBe(0);

        // server create --volume ... (boot from volume: v3 was made from the image, so it is bootable); the image →
        // volume and blank mappings of --boot-from-volume / --block-device are VolumeBootCliTests'.
        var bfv = await JsonAsync(demo, "server", "create", "--volume", "dw-v3", "--flavor", "m1.tiny", "--nic", "none", "--wait", "dw-bfv");
        bfv.GetProperty("status").GetString().ShouldBe("ACTIVE");
        var bfvId = bfv.GetProperty("id").GetString()!;
        var v3Id = v3.GetProperty("id").GetString()!;
        (await JsonAsync(demo, "volume", "show", "dw-v3")).GetProperty("status").GetString().ShouldBe("in-use");
        host.Drivers.Get("local").BootVolume(bfvId).ShouldBe(v3Id);
        (await RunAsync(demo, "server", "delete", "--wait", "dw-bfv")).ExitCode.ShouldBe(0);
        await WaitStatusAsync(demo, ["volume", "show", "dw-v3"], "available");

        // An over-quota create: a clear 413 naming the quota.
        var tooBig = await RunAsync(demo, "volume", "create", "--size", "5000", "dw-too-big");
        tooBig.ExitCode.ShouldNotBe(0);
        tooBig.StandardError.ShouldContain("HTTP 413");
        tooBig.StandardError.ShouldContain("gigabytes quota");

        // Another project's volumes, snapshots and backups are invisible.
        var admin = host.AdminEnvironment;
        var adminVolume = (await JsonAsync(admin, "volume", "create", "--size", "1", "dw-admin-v")).GetProperty("id").GetString()!;
        await WaitStatusAsync(admin, ["volume", "show", adminVolume], "available");
        var adminSnapshot = (await JsonAsync(admin, "volume", "snapshot", "create", "--volume", adminVolume, "dw-admin-s")).GetProperty("id").GetString()!;
        await WaitStatusAsync(admin, ["volume", "snapshot", "show", adminSnapshot], "available");
        var adminBackup = (await JsonAsync(admin, "volume", "backup", "create", adminVolume)).GetProperty("id").GetString()!;
        await WaitStatusAsync(admin, ["volume", "backup", "show", adminBackup], "available");
        (await JsonAsync(demo, "volume", "list")).GetRawText().ShouldNotContain(adminVolume);
        (await JsonAsync(demo, "volume", "snapshot", "list")).GetRawText().ShouldNotContain(adminSnapshot);
        (await JsonAsync(demo, "volume", "backup", "list")).GetRawText().ShouldNotContain(adminBackup);
        (await RunAsync(demo, "volume", "show", adminVolume)).ExitCode.ShouldNotBe(0);
        (await RunAsync(demo, "volume", "snapshot", "show", adminSnapshot)).ExitCode.ShouldNotBe(0);
        (await RunAsync(demo, "volume", "backup", "show", adminBackup)).ExitCode.ShouldNotBe(0);

        // volume delete (everything made here goes)
        (await RunAsync(admin, "volume", "backup", "delete", adminBackup)).ExitCode.ShouldBe(0);
        (await RunAsync(admin, "volume", "snapshot", "delete", adminSnapshot)).ExitCode.ShouldBe(0);
        (await RunAsync(demo, "volume", "backup", "delete", "dw-b1")).ExitCode.ShouldBe(0);
        (await RunAsync(demo, "volume", "snapshot", "delete", "dw-s1")).ExitCode.ShouldBe(0);
        await Poll.UntilAsync(async () => (await RunAsync(demo, "volume", "snapshot", "show", "dw-s1")).ExitCode != 0
            && (await RunAsync(admin, "volume", "snapshot", "show", adminSnapshot)).ExitCode != 0, "the snapshots to go", TimeSpan.FromMinutes(2));
        (await RunAsync(admin, "volume", "delete", adminVolume)).ExitCode.ShouldBe(0);
        foreach (var name in new[] { "dw-v1", "dw-v2", "dw-v3", "dw-v4" })
        {
            (await RunAsync(demo, "volume", "delete", name)).ExitCode.ShouldBe(0);
        }

        await Poll.UntilAsync(async () => !(await JsonAsync(demo, "volume", "list")).GetRawText().Contains("dw-v", StringComparison.Ordinal), "every volume to go", TimeSpan.FromMinutes(2));
        (await RunAsync(demo, "server", "delete", "--wait", "dw-vm1")).ExitCode.ShouldBe(0);
    }
}
