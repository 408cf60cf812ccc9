using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Testing;
using Shouldly;
using Xunit;
using static FuncCloud.Functions.Tests.Volume.VolumeCli;

namespace FuncCloud.Functions.Tests.Volume;

/// <summary>One all-in-one node ("local"): the compute and storage roles, Fake drivers for both.</summary>
public sealed class AllInOneFixture : ComputeHostFixture
{
    protected override IDictionary<string, string?> AgentSettings => new Dictionary<string, string?>
    {
        ["FuncCloud:Agent:Roles:0"] = "compute",
        ["FuncCloud:Agent:Roles:1"] = "storage",
        ["FuncCloud:Agent:StorageDriver"] = "Fake",
    };
}

/// <summary>
/// <c>openstack server add volume</c> / <c>server remove volume</c>: the durable attach workflow exports the volume
/// on the storage node and hot-plugs it on the compute node; the device shows on both sides; an in-use volume
/// cannot be deleted; detach reverses it all.
/// </summary>
public sealed class VolumeAttachCliTests(AllInOneFixture host) : IClassFixture<AllInOneFixture>
{
    private IDictionary<string, string> Demo => new Dictionary<string, string>(host.DemoEnvironment) { ["OS_COMPUTE_API_VERSION"] = "2.79" };

    [Fact]
    public async Task ServerAddRemoveVolume_ThroughTheCli_DeviceOnBothSides()
    {
        var server = await JsonAsync(Demo, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageId, "--nic", "none", "--wait", "att-vm1");
        server.GetProperty("status").GetString().ShouldBe("ACTIVE");
        var serverId = server.GetProperty("id").GetString()!;
        await JsonAsync(Demo, "volume", "create", "--size", "1", "att-v1");
        var volumeId = (await WaitStatusAsync(Demo, ["volume", "show", "att-v1"], "available", "error")).GetProperty("id").GetString()!;

        var added = await RunAsync(Demo, "server", "add", "volume", "att-vm1", "att-v1");
        added.ExitCode.ShouldBe(0, added.ToString());
        var inUse = await WaitStatusAsync(Demo, ["volume", "show", "att-v1"], "in-use", "available", "error");
        inUse.GetProperty("status").GetString().ShouldBe("in-use");
        inUse.GetRawText().ShouldContain(serverId);
        inUse.GetRawText().ShouldContain("/dev/vdb");

        var attachments = await JsonAsync(Demo, "server", "volume", "list", "att-vm1");
        attachments.EnumerateArray().ShouldContain(a => a.GetProperty("Device").GetString() == "/dev/vdb" && a.GetRawText().Contains(volumeId, StringComparison.Ordinal));
        (await JsonAsync(Demo, "server", "show", "att-vm1")).GetRawText().ShouldContain(volumeId);
        host.Drivers.Get("local").AttachedVolumes(serverId).ShouldContainKeyAndValue(volumeId, "/dev/vdb");

        var refused = await RunAsync(Demo, "volume", "delete", "att-v1");
        refused.ExitCode.ShouldNotBe(0);
        refused.StandardError.ShouldContain("attached to server " + serverId);

        var removed = await RunAsync(Demo, "server", "remove", "volume", "att-vm1", "att-v1");
        removed.ExitCode.ShouldBe(0, removed.ToString());
        (await WaitStatusAsync(Demo, ["volume", "show", "att-v1"], "available", "error")).GetProperty("status").GetString().ShouldBe("available");
        host.Drivers.Get("local").AttachedVolumes(serverId).ShouldBeEmpty();
        (await JsonAsync(Demo, "server", "volume", "list", "att-vm1")).GetArrayLength().ShouldBe(0);

        // Attached again, then the server is deleted: the volume comes back available (nova detaches on delete).
        (await RunAsync(Demo, "server", "add", "volume", "att-vm1", "att-v1")).ExitCode.ShouldBe(0);
        (await WaitStatusAsync(Demo, ["volume", "show", "att-v1"], "in-use", "available", "error")).GetProperty("status").GetString().ShouldBe("in-use");
        (await RunAsync(Demo, "server", "delete", "--wait", "att-vm1")).ExitCode.ShouldBe(0);
        (await WaitStatusAsync(Demo, ["volume", "show", "att-v1"], "available", "error")).GetRawText().ShouldNotContain(serverId);
        (await RunAsync(Demo, "volume", "delete", "att-v1")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task ServerAddVolume_AnotherProjectsVolume_IsNotFoundAndUntouched()
    {
        var serverId = (await JsonAsync(Demo, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageId, "--nic", "none", "--wait", "att-vm2")).GetProperty("id").GetString()!;
        await JsonAsync(host.AdminEnvironment, "volume", "create", "--size", "1", "att-admin-v");
        var adminVolume = (await WaitStatusAsync(host.AdminEnvironment, ["volume", "show", "att-admin-v"], "available", "error")).GetProperty("id").GetString()!;

        var refused = await RunAsync(Demo, "server", "add", "volume", "att-vm2", adminVolume);

        refused.ExitCode.ShouldNotBe(0);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/compute/v2.1/servers/{serverId}/os-volume_attachments")
        {
            Content = new StringContent("{\"volumeAttachment\": {\"volumeId\": \"" + adminVolume + "\"}}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Auth-Token", await host.TokenAsync("demo", ComputeHostFixture.DemoPassword, "demo"));
        var response = await host.Client.SendAsync(request);
        ((int)response.StatusCode).ShouldBe(404);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"Volume {adminVolume} could not be found.");
        (await JsonAsync(host.AdminEnvironment, "volume", "show", adminVolume)).GetProperty("status").GetString().ShouldBe("available");
        (await RunAsync(host.AdminEnvironment, "volume", "delete", adminVolume)).ExitCode.ShouldBe(0);
        (await RunAsync(Demo, "server", "delete", "--wait", "att-vm2")).ExitCode.ShouldBe(0);
    }
}
