using System.Net;
using System.Text;
using System.Text.Json;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Shared.Compute.Metadata;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Metadata;

/// <summary>A compute host whose metadata API trusts proxies holding <see cref="Secret"/>.</summary>
public sealed class MetadataHostFixture : ComputeHostFixture
{
    public const string Secret = "metadata-proxy-secret-for-tests";

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Metadata:SharedSecret"] = Secret;
            return settings;
        }
    }
}

/// <summary>
/// nova's metadata API as a node's proxy calls it: a server booted with a key pair, user data, properties and a
/// port reads its documents (OpenStack and EC2 flavours); an unsigned, wrongly signed or foreign request gets
/// nova's plain-text 400 / 403 / 404.
/// </summary>
public sealed partial class MetadataApiTests(MetadataHostFixture host) : IClassFixture<MetadataHostFixture>
{
    private const string PublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq9d9uMmmUoxo+/hMtsbMT2lkCgVZkzl5QeNo8zJtF3 metadata@test";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SignedRequest_ServerWithKeyUserDataAndPort_ServesItsDocuments()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var (server, userData) = await BootAsync(api, "Meta Data_VM");
        var (portId, mac, address) = await PortAsync(api, server, "10.77.0.0/24");

        using var meta = await GetAsync("openstack/latest/meta_data.json", server);
        meta.StatusCode.ShouldBe(HttpStatusCode.OK);
        meta.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var raw = await meta.Content.ReadAsStringAsync();
        raw.ShouldContain(PublicKey); // literally, as nova writes it: a guest's shell cuts the key out with sed
        var document = JsonDocument.Parse(raw).RootElement;
        document.GetProperty("uuid").GetString().ShouldBe(server);
        document.GetProperty("name").GetString().ShouldBe("Meta Data_VM");
        document.GetProperty("hostname").GetString().ShouldBe("meta-data-vm.novalocal");
        document.GetProperty("public_keys").GetProperty("meta-key").GetString().ShouldBe(PublicKey);
        document.GetProperty("keys")[0].GetProperty("type").GetString().ShouldBe("ssh");
        document.GetProperty("meta").GetProperty("role").GetString().ShouldBe("web");
        document.GetProperty("project_id").GetString().ShouldNotBeNullOrEmpty();
        Convert.FromBase64String(document.GetProperty("random_seed").GetString()!).Length.ShouldBe(512);

        using var user = await GetAsync("openstack/latest/user_data", server);
        (await user.Content.ReadAsStringAsync()).ShouldBe(userData);
        using var listing = await GetAsync("openstack/latest", server);
        (await listing.Content.ReadAsStringAsync()).Split('\n').ShouldContain("user_data");
        using var versions = await GetAsync("openstack", server);
        (await versions.Content.ReadAsStringAsync()).Split('\n')[^1].ShouldBe("latest");

        using var network = await GetAsync("openstack/latest/network_data.json", server);
        var net = JsonDocument.Parse(await network.Content.ReadAsStringAsync()).RootElement;
        var link = net.GetProperty("links")[0];
        link.GetProperty("vif_id").GetString().ShouldBe(portId);
        link.GetProperty("ethernet_mac_address").GetString().ShouldBe(mac);
        net.GetProperty("networks")[0].GetProperty("type").GetString().ShouldBe("ipv4_dhcp");
        net.GetProperty("networks")[0].GetProperty("link").GetString().ShouldBe(link.GetProperty("id").GetString());

        using var ec2Ip = await GetAsync("latest/meta-data/local-ipv4", server);
        (await ec2Ip.Content.ReadAsStringAsync()).ShouldBe(address);
        using var ec2Keys = await GetAsync("latest/meta-data/public-keys", server);
        (await ec2Keys.Content.ReadAsStringAsync()).ShouldBe("0=meta-key");
        using var ec2Key = await GetAsync("latest/meta-data/public-keys/0/openssh-key", server);
        (await ec2Key.Content.ReadAsStringAsync()).ShouldBe(PublicKey);
        using var ec2Root = await GetAsync("2009-04-04/meta-data/", server);
        (await ec2Root.Content.ReadAsStringAsync()).Split('\n').ShouldContain("placement/");
        using var ec2User = await GetAsync("latest/user-data", server);
        (await ec2User.Content.ReadAsStringAsync()).ShouldBe(userData);
    }

    [Fact]
    public async Task UnsignedForgedOrForeignRequests_PlainText400_403_404()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var (server, _) = await BootAsync(api, "meta-guarded");

        using (var unsigned = await SendAsync("openstack/latest/meta_data.json", server, signature: null, tenant: null))
        {
            unsigned.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await unsigned.Content.ReadAsStringAsync()).ShouldContain("X-Instance-ID-Signature header is missing");
        }

        using (var forged = await SendAsync("openstack/latest/meta_data.json", server, MetadataSignature.Sign("wrong-secret", server), tenant: null))
        {
            forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            forged.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        }

        using (var foreign = await SendAsync("openstack/latest/meta_data.json", server, MetadataSignature.Sign(MetadataHostFixture.Secret, server), tenant: "another-project"))
        {
            foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var unknown = Guid.NewGuid().ToString();
        using (var missing = await GetAsync("openstack/latest/meta_data.json", unknown))
        {
            missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var noPath = await GetAsync("openstack/latest/no_such_file", server);
        noPath.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await noPath.Content.ReadAsStringAsync()).ShouldStartWith("404 Not Found");
        using var noUserData = await GetAsync("openstack/latest/user_data", server);
        noUserData.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<(string Server, string UserData)> BootAsync(ComputeApi api, string name, bool? configDrive = null)
    {
        var userData = name == "meta-guarded" ? null : "#!/bin/sh\necho hello from " + name + "\n";
        using (var key = await api.SendAsync(HttpMethod.Post, "/compute/v2.1/os-keypairs", JsonSerializer.Serialize(new { keypair = new { name = "meta-key", public_key = PublicKey } })))
        {
            key.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Conflict);
        }

        var body = JsonSerializer.Serialize(new
        {
            server = new Dictionary<string, object?>
            {
                ["name"] = name,
                ["flavorRef"] = "1",
                ["imageRef"] = ComputeHostFixture.ImageId,
                ["networks"] = "none",
                ["key_name"] = "meta-key",
                ["metadata"] = new Dictionary<string, string> { ["role"] = "web" },
                ["user_data"] = userData is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(userData)),
                ["config_drive"] = configDrive,
            }.Where(e => e.Value is not null).ToDictionary(),
        });
        using var created = await api.SendAsync(HttpMethod.Post, "/compute/v2.1/servers", body);
        var text = await created.Content.ReadAsStringAsync();
        created.StatusCode.ShouldBe(HttpStatusCode.Accepted, text);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("server").GetProperty("id").GetString()!;
        (await api.WaitSettledAsync(id, Wait)).GetProperty("status").GetString().ShouldBe("ACTIVE");
        return (id, userData ?? string.Empty);
    }

    // A port on a network of the project's own whose device is the server (what the boot workflow binds).
    private static async Task<(string PortId, string Mac, string Address)> PortAsync(ComputeApi api, string server, string cidr)
    {
        var network = await CreateAsync(api, "/network/v2.0/networks", new { network = new { name = "meta-net" } }, "network");
        await CreateAsync(api, "/network/v2.0/subnets", new { subnet = new { network_id = network.GetProperty("id").GetString(), cidr, ip_version = 4 } }, "subnet");
        var port = await CreateAsync(api, "/network/v2.0/ports", new { port = new { network_id = network.GetProperty("id").GetString(), device_id = server } }, "port");
        return (port.GetProperty("id").GetString()!, port.GetProperty("mac_address").GetString()!, port.GetProperty("fixed_ips")[0].GetProperty("ip_address").GetString()!);
    }

    private static async Task<JsonElement> CreateAsync(ComputeApi api, string path, object body, string key)
    {
        using var response = await api.SendAsync(HttpMethod.Post, path, JsonSerializer.Serialize(body));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty(key).Clone();
    }

    private Task<HttpResponseMessage> GetAsync(string path, string server) =>
        SendAsync(path, server, MetadataSignature.Sign(MetadataHostFixture.Secret, server), tenant: null);

    private async Task<HttpResponseMessage> SendAsync(string path, string server, string? signature, string? tenant)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metadata/" + path);
        request.Headers.Add(MetadataRoutes.InstanceIdHeader, server);
        if (signature is not null)
        {
            request.Headers.Add(MetadataRoutes.SignatureHeader, signature);
        }

        if (tenant is not null)
        {
            request.Headers.Add(MetadataRoutes.TenantIdHeader, tenant);
        }

        return await host.Client.SendAsync(request);
    }
}
