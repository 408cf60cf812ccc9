using System.Net;
using System.Text;
using System.Text.Json;
using FuncCloud.Functions.Tests.Compute.Servers;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Metadata;

/// <summary>
/// The config drive: a server created with <c>config_drive: true</c> shows <c>"True"</c>, and the node that spawns
/// it receives (through the node route, with its own credential) nova's drive layout holding the same documents
/// the metadata API serves; the Fake driver records them. Users cannot read the node route.
/// </summary>
public sealed partial class MetadataApiTests
{
    [Fact]
    public async Task ConfigDrive_ServerCreatedWithIt_NodeGetsNovasLayoutOfTheMetadataDocuments()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var (server, userData) = await BootAsync(api, "Config Drive VM", configDrive: true);

        var shown = await api.ShowAsync(server);
        shown!.Value.GetProperty("config_drive").GetString().ShouldBe("True");
        var files = host.Drivers.Get("local").ConfigDriveOf(server).ShouldNotBeNull().ToDictionary(f => f.Path, f => Convert.FromBase64String(f.Content));

        Encoding.UTF8.GetString(files["openstack/latest/meta_data.json"]).ShouldContain(PublicKey); // '+' literal, as nova
        var meta = JsonDocument.Parse(files["openstack/latest/meta_data.json"]).RootElement;
        meta.GetProperty("uuid").GetString().ShouldBe(server);
        meta.GetProperty("hostname").GetString().ShouldBe("config-drive-vm.novalocal");
        meta.GetProperty("public_keys").GetProperty("meta-key").GetString().ShouldBe(PublicKey);
        Encoding.UTF8.GetString(files["openstack/latest/user_data"]).ShouldBe(userData);
        Encoding.UTF8.GetString(files["ec2/latest/user-data"]).ShouldBe(userData);
        JsonDocument.Parse(files["ec2/2009-04-04/meta-data.json"]).RootElement.GetProperty("local-hostname").GetString().ShouldBe("config-drive-vm.novalocal");
        files.ShouldContainKey("openstack/latest/network_data.json");
        files.ShouldContainKey("openstack/2016-10-06/vendor_data2.json");
        files.ShouldContainKey("openstack/2013-10-17/vendor_data.json");
        // As nova: documents appear from the version that introduced them, and no password file.
        files.ShouldNotContainKey("openstack/2012-08-10/vendor_data.json");
        files.ShouldNotContainKey("openstack/2015-10-15/vendor_data2.json");
        files.Keys.ShouldNotContain(k => k.EndsWith("/password", StringComparison.Ordinal));

        var (plain, _) = await BootAsync(api, "no-drive-vm");
        (await api.ShowAsync(plain))!.Value.GetProperty("config_drive").GetString().ShouldBe(string.Empty);
        host.Drivers.Get("local").ConfigDriveOf(plain).ShouldBeNull();
    }

    [Fact]
    public async Task ConfigDriveNodeRoute_UserIs403_UnknownServerIsNovas404()
    {
        var demo = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var (server, _) = await BootAsync(demo, "drive-guarded", configDrive: true);
        using (var forbidden = await demo.SendAsync(HttpMethod.Get, $"/compute/v2.1/os-funccloud-nodes/local/config-drive/{server}", null))
        {
            forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            JsonDocument.Parse(await forbidden.Content.ReadAsStringAsync()).RootElement.GetProperty("forbidden").GetProperty("code").GetInt32().ShouldBe(403);
        }

        var admin = await ComputeApi.LoginAsync(host, host.AdminEnvironment);
        using (var own = await admin.SendAsync(HttpMethod.Get, $"/compute/v2.1/os-funccloud-nodes/local/config-drive/{server}", null))
        {
            own.StatusCode.ShouldBe(HttpStatusCode.OK);
            JsonDocument.Parse(await own.Content.ReadAsStringAsync()).RootElement.GetProperty("serverId").GetString().ShouldBe(server);
        }

        var unknown = Guid.NewGuid().ToString();
        using var missing = await admin.SendAsync(HttpMethod.Get, $"/compute/v2.1/os-funccloud-nodes/local/config-drive/{unknown}", null);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("itemNotFound").GetProperty("message").GetString()
            .ShouldBe($"Instance {unknown} could not be found.");
    }
}
