using Shouldly;
using Xunit;
using static FuncCloud.Functions.Tests.Volume.VolumeCli;

namespace FuncCloud.Functions.Tests.Volume;

/// <summary>The block storage flows through Debian's <c>openstack</c> CLI (cinderclient underneath).</summary>
public sealed class VolumeCliTests(VolumeHostFixture host) : IClassFixture<VolumeHostFixture>
{
    [Fact]
    public async Task Volume_CreateSnapshotCloneExtendDelete_ThroughTheCli()
    {
        var demo = host.DemoEnvironment;
        var created = await JsonAsync(demo, "volume", "create", "--size", "1", "--property", "tier=gold", "cli-v1");
        created.GetProperty("status").GetString().ShouldBe("creating");
        var v1 = await WaitStatusAsync(demo, ["volume", "show", "cli-v1"], "available", "error");
        v1.GetProperty("status").GetString().ShouldBe("available");
        v1.GetProperty("size").GetInt32().ShouldBe(1);
        v1.GetProperty("type").GetString().ShouldBe("__DEFAULT__");

        var list = await JsonAsync(demo, "volume", "list");
        list.EnumerateArray().ShouldContain(v => v.GetProperty("Name").GetString() == "cli-v1");

        await JsonAsync(demo, "volume", "snapshot", "create", "--volume", "cli-v1", "cli-s1");
        (await WaitStatusAsync(demo, ["volume", "snapshot", "show", "cli-s1"], "available", "error")).GetProperty("status").GetString().ShouldBe("available");

        await JsonAsync(demo, "volume", "create", "--snapshot", "cli-s1", "cli-v2");
        var v2 = await WaitStatusAsync(demo, ["volume", "show", "cli-v2"], "available", "error");
        v2.GetProperty("status").GetString().ShouldBe("available");
        v2.GetProperty("snapshot_id").GetString().ShouldNotBeNullOrEmpty();

        await JsonAsync(demo, "volume", "create", "--source", "cli-v2", "--size", "2", "cli-v3");
        (await WaitStatusAsync(demo, ["volume", "show", "cli-v3"], "available", "error")).GetProperty("size").GetInt32().ShouldBe(2);

        (await RunAsync(demo, "volume", "set", "--size", "3", "--name", "cli-v1b", "cli-v1")).ExitCode.ShouldBe(0);
        await Compute.Servers.Poll.UntilAsync(async () =>
        {
            var shown = await JsonAsync(demo, "volume", "show", "cli-v1b");
            return shown.GetProperty("size").GetInt32() == 3 && shown.GetProperty("status").GetString() == "available";
        }, "the extend to 3 GB", TimeSpan.FromMinutes(2));

        var refused = await RunAsync(demo, "volume", "delete", "cli-v1b");
        refused.ExitCode.ShouldNotBe(0);
        refused.StandardError.ShouldContain("dependent snapshots");

        foreach (var name in new[] { "cli-v2", "cli-v3" })
        {
            (await RunAsync(demo, "volume", "delete", name)).ExitCode.ShouldBe(0);
        }

        (await RunAsync(demo, "volume", "snapshot", "delete", "cli-s1")).ExitCode.ShouldBe(0);
        await Compute.Servers.Poll.UntilAsync(async () => (await RunAsync(demo, "volume", "snapshot", "show", "cli-s1")).ExitCode != 0, "the snapshot to go", TimeSpan.FromMinutes(2));
        (await RunAsync(demo, "volume", "delete", "cli-v1b")).ExitCode.ShouldBe(0);
        await Compute.Servers.Poll.UntilAsync(async () =>
            !(await JsonAsync(demo, "volume", "list")).EnumerateArray().Any(v => v.GetProperty("Name").GetString()!.StartsWith("cli-v", StringComparison.Ordinal)),
            "every volume to go", TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Volume_FromImage_BootableWithImageMetadata()
    {
        await JsonAsync(host.DemoEnvironment, "volume", "create", "--image", VolumeHostFixture.ImageName, "--size", "1", "cli-img");
        var volume = await WaitStatusAsync(host.DemoEnvironment, ["volume", "show", "cli-img"], "available", "error");
        volume.GetProperty("status").GetString().ShouldBe("available");
        volume.GetProperty("bootable").GetString().ShouldBe("true");
        volume.GetProperty("volume_image_metadata").GetProperty("image_id").GetString().ShouldBe(VolumeHostFixture.ImageId);

        var missing = await RunAsync(host.DemoEnvironment, "volume", "create", "--image", "00000000-0000-0000-0000-00000000abcd", "--size", "1", "cli-img-missing");
        missing.ExitCode.ShouldNotBe(0);
        (await RunAsync(host.DemoEnvironment, "volume", "delete", "cli-img")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Volume_OverQuota_413NamingTheQuota()
    {
        var (adminToken, adminProject) = await host.LoginAsync("admin", VolumeHostFixture.AdminPassword, "admin");
        var set = await host.VolumeAsync(HttpMethod.Put, $"/v3/{adminProject}/os-quota-sets/{adminProject}", adminToken, """{"quota_set": {"gigabytes": 2}}""");
        set.Status.ShouldBe(200, set.Body.ToString());
        try
        {
            var result = await RunAsync(host.AdminEnvironment, "volume", "create", "--size", "5", "too-big");
            result.ExitCode.ShouldNotBe(0);
            result.StandardError.ShouldContain("gigabytes quota");
            result.StandardError.ShouldContain("HTTP 413");

            var direct = await host.VolumeAsync(HttpMethod.Post, $"/v3/{adminProject}/volumes", adminToken, """{"volume": {"size": 5}}""");
            direct.Status.ShouldBe(413);
            direct.Body.GetProperty("overLimit").GetProperty("message").GetString()!.ShouldContain("Requested 5G, quota is 2G");

            var usage = await host.VolumeAsync(HttpMethod.Get, $"/v3/{adminProject}/os-quota-sets/{adminProject}?usage=true", adminToken);
            usage.Body.GetProperty("quota_set").GetProperty("gigabytes").GetProperty("limit").GetInt32().ShouldBe(2);
        }
        finally
        {
            await host.VolumeAsync(HttpMethod.Delete, $"/v3/{adminProject}/os-quota-sets/{adminProject}", adminToken);
        }
    }

    [Fact]
    public async Task Volume_OtherProject_InvisibleAndNotFound()
    {
        var admin = await JsonAsync(host.AdminEnvironment, "volume", "create", "--size", "1", "admin-private");
        var id = admin.GetProperty("id").GetString()!;
        await WaitStatusAsync(host.AdminEnvironment, ["volume", "show", id], "available");

        (await JsonAsync(host.DemoEnvironment, "volume", "list")).EnumerateArray().ShouldNotContain(v => v.GetProperty("ID").GetString() == id);
        var shown = await RunAsync(host.DemoEnvironment, "volume", "show", id);
        shown.ExitCode.ShouldNotBe(0);
        shown.StandardError.ShouldContain("No volume with a name or ID");

        var (demoToken, demoProject) = await host.LoginAsync("demo", VolumeHostFixture.DemoPassword, "demo");
        var direct = await host.VolumeAsync(HttpMethod.Get, $"/v3/{demoProject}/volumes/{id}", demoToken);
        direct.Status.ShouldBe(404);
        direct.Body.GetProperty("itemNotFound").GetProperty("message").GetString().ShouldBe($"Volume {id} could not be found.");

        var deleted = await host.VolumeAsync(HttpMethod.Delete, $"/v3/{demoProject}/volumes/{id}", demoToken);
        deleted.Status.ShouldBe(404);

        var adminList = await JsonAsync(host.AdminEnvironment, "volume", "list", "--all-projects");
        adminList.EnumerateArray().ShouldContain(v => v.GetProperty("ID").GetString() == id);
        (await RunAsync(host.AdminEnvironment, "volume", "delete", id)).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Volume_TypesAndInfrastructure_ThroughTheCli()
    {
        var types = await JsonAsync(host.DemoEnvironment, "volume", "type", "list");
        types.EnumerateArray().ShouldContain(t => t.GetProperty("Name").GetString() == "__DEFAULT__");

        await JsonAsync(host.AdminEnvironment, "volume", "type", "create", "--property", "volume_backend_name=fake", "--private", "gold");
        (await JsonAsync(host.DemoEnvironment, "volume", "type", "list")).EnumerateArray().ShouldNotContain(t => t.GetProperty("Name").GetString() == "gold");
        (await RunAsync(host.DemoEnvironment, "volume", "create", "--size", "1", "--type", "gold", "gold-1")).ExitCode.ShouldNotBe(0);

        var services = await JsonAsync(host.AdminEnvironment, "volume", "service", "list");
        services.EnumerateArray().ShouldContain(s => s.GetProperty("Binary").GetString() == "cinder-volume");
        (await RunAsync(host.DemoEnvironment, "volume", "service", "list")).ExitCode.ShouldNotBe(0);

        var zones = await JsonAsync(host.DemoEnvironment, "availability", "zone", "list", "--volume");
        zones.EnumerateArray().ShouldContain(z => z.GetProperty("Zone Name").GetString() == "nova");

        var limits = await JsonAsync(host.DemoEnvironment, "limits", "show", "--absolute");
        limits.EnumerateArray().ShouldContain(l => l.GetProperty("Name").GetString() == "maxTotalVolumes");
        (await RunAsync(host.AdminEnvironment, "volume", "type", "delete", "gold")).ExitCode.ShouldBe(0);
    }
}
