using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FuncCloud.Agent.Network;
using FuncCloud.Agent.Network.Fake;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Network;

/// <summary>The compute path (Fake agent) with the devstack-like networks bootstrapped: servers get ports.</summary>
public sealed class ServerNetworkingFixture : ComputeHostFixture
{
    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Bootstrap:Network:Enabled"] = "true";

            // Long enough for a busy machine's Fake apply, short enough for the test of a node that never wires.
            settings["FuncCloud:Compute:VifPluggedTimeout"] = "40";
            return settings;
        }
    }

    /// <summary>The agent's network drivers (Fake): a test makes a node's driver fail so it never wires a port.</summary>
    public INetworkDriverFactory NetworkDrivers { get; private set; } = null!;

    /// <inheritdoc />
    protected override void OnAgentBuilt(IServiceProvider services)
    {
        base.OnAgentBuilt(services);
        NetworkDrivers = services.GetRequiredService<INetworkDriverFactory>();
    }
}

/// <summary>
/// Issue 10's "Done when" with Debian's <c>openstack</c> CLI as the demo user, plus get-me-a-network for a
/// fresh project, the pre-2.37 default, user ports that survive their server, and the release of ports on a
/// failed build.
/// </summary>
public sealed class ServerNetworkingTests(ServerNetworkingFixture host) : IClassFixture<ServerNetworkingFixture>
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    private IDictionary<string, string> Demo => host.DemoEnvironment;

    private IDictionary<string, string> Admin => host.AdminEnvironment;

    [Fact]
    public async Task DoneWhenFlow_AsDemo_ServerGetsPortAddressesAndFloatingIp_ThenEverythingIsDeleted()
    {
        await OkAsync(Demo, "network", "create", "n1");
        await OkAsync(Demo, "subnet", "create", "--network", "n1", "--subnet-range", "10.1.0.0/24", "s1");
        await OkAsync(Demo, "router", "create", "r1");
        await OkAsync(Demo, "router", "set", "--external-gateway", "public", "r1");
        await OkAsync(Demo, "router", "add", "subnet", "r1", "s1");
        var sg1 = await JsonAsync(Demo, "security", "group", "create", "sg1", "-f", "json");
        await OkAsync(Demo, "security", "group", "rule", "create", "--protocol", "tcp", "--dst-port", "22", "sg1");
        var p1 = await JsonAsync(Demo, "port", "create", "--network", "n1", "p1", "-f", "json");

        var vm1 = await JsonAsync(Demo, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageId, "--network", "n1", "--security-group", "sg1", "--wait", "vm1", "-f", "json");
        vm1.GetProperty("status").GetString().ShouldBe("ACTIVE");
        var serverId = vm1.GetProperty("id").GetString()!;
        var ports = await JsonAsync(Demo, "port", "list", "--device-id", serverId, "-f", "json");
        ports.GetArrayLength().ShouldBe(1);
        var portId = ports[0].GetProperty("ID").GetString()!;
        var port = await JsonAsync(Admin, "port", "show", portId, "-f", "json");
        var fixedIp = port.GetProperty("fixed_ips").ToString();
        fixedIp.ShouldContain("10.1.0.");
        port.GetProperty("device_owner").GetString().ShouldBe("compute:nova");
        port.GetProperty("binding_host_id").GetString().ShouldBe("local");
        port.GetProperty("security_group_ids").ToString().ShouldContain(sg1.GetProperty("id").GetString()!);
        var address = port.GetProperty("fixed_ips")[0].GetProperty("ip_address").GetString()!;
        var shown = await JsonAsync(Demo, "server", "show", "vm1", "-f", "json");
        shown.GetProperty("addresses").ToString().ShouldContain("n1");
        shown.GetProperty("addresses").ToString().ShouldContain(address);

        var fip = (await JsonAsync(Demo, "floating", "ip", "create", "public", "-f", "json")).GetProperty("floating_ip_address").GetString()!;
        await OkAsync(Demo, "server", "add", "floating", "ip", "vm1", fip);
        (await JsonAsync(Demo, "server", "show", "vm1", "-f", "json")).GetProperty("addresses").ToString().ShouldContain(fip);
        await ShowsFloatingInRawAddressesAsync(serverId, fip);
        await OkAsync(Demo, "server", "remove", "floating", "ip", "vm1", fip);
        (await JsonAsync(Demo, "server", "show", "vm1", "-f", "json")).GetProperty("addresses").ToString().ShouldNotContain(fip);

        await OkAsync(Demo, "server", "delete", "--wait", "vm1");
        (await JsonAsync(Demo, "port", "list", "--device-id", serverId, "-f", "json")).GetArrayLength().ShouldBe(0);
        (await OpenStackCli.RunAsync(Demo, "port", "show", portId)).ExitCode.ShouldNotBe(0);

        await OkAsync(Demo, "floating", "ip", "delete", fip);
        await OkAsync(Demo, "port", "delete", p1.GetProperty("id").GetString()!);
        await OkAsync(Demo, "router", "remove", "subnet", "r1", "s1");
        await OkAsync(Demo, "router", "delete", "r1");
        await OkAsync(Demo, "security", "group", "delete", "sg1");
        await OkAsync(Demo, "subnet", "delete", "s1");
        await OkAsync(Demo, "network", "delete", "n1");
        (await JsonAsync(Demo, "network", "list", "-f", "json")).EnumerateArray().Select(n => n.GetProperty("Name").GetString()).ShouldNotContain("n1");
    }

    [Fact]
    public async Task NicAuto_ForAFreshProject_AllocatesItsTopology_AndOtherProjectsNetworksStayInvisible()
    {
        var project = "fresh-" + Guid.NewGuid().ToString("N")[..8];
        await OkAsync(Admin, "project", "create", "--domain", "default", project);
        await OkAsync(Admin, "user", "create", "--domain", "default", "--password", "fresh-pass", project);
        await OkAsync(Admin, "role", "add", "--project", project, "--user", project, "member");
        var fresh = host.PasswordEnvironment(project, "fresh-pass", project);
        fresh["OS_COMPUTE_API_VERSION"] = "2.37";

        var before = await JsonAsync(fresh, "network", "list", "-f", "json");
        before.EnumerateArray().Select(n => n.GetProperty("Name").GetString()).ShouldBe(["public"]);
        (await JsonAsync(fresh, "port", "list", "-f", "json")).GetArrayLength().ShouldBe(0);

        var vm = await JsonAsync(fresh, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageId, "--nic", "auto", "--wait", "auto-vm", "-f", "json");
        vm.GetProperty("status").GetString().ShouldBe("ACTIVE");
        vm.GetProperty("addresses").ToString().ShouldContain("auto_allocated_network");
        var topology = await JsonAsync(fresh, "network", "auto", "allocated", "topology", "create", "-f", "json");
        var networks = await JsonAsync(fresh, "network", "list", "-f", "json");
        networks.EnumerateArray().Select(n => n.GetProperty("Name").GetString()).ShouldBe(["auto_allocated_network", "public"], ignoreOrder: true);
        networks.EnumerateArray().Single(n => n.GetProperty("Name").GetString() == "auto_allocated_network").GetProperty("ID").GetString().ShouldBe(topology.GetProperty("id").GetString());

        // Isolation both ways: the demo project's networks and ports are not the fresh project's to see.
        var demoPorts = await JsonAsync(Demo, "port", "list", "-f", "json");
        var freshPorts = await JsonAsync(fresh, "port", "list", "-f", "json");
        freshPorts.EnumerateArray().Select(p => p.GetProperty("ID").GetString()).ShouldNotContain(id => demoPorts.EnumerateArray().Any(d => d.GetProperty("ID").GetString() == id));
        (await JsonAsync(Demo, "network", "list", "-f", "json")).EnumerateArray().Select(n => n.GetProperty("Name").GetString()).ShouldNotContain("auto_allocated_network");

        await OkAsync(fresh, "server", "delete", "--wait", "auto-vm");
        await OkAsync(fresh, "network", "auto", "allocated", "topology", "delete");
        (await JsonAsync(fresh, "network", "list", "-f", "json")).EnumerateArray().Select(n => n.GetProperty("Name").GetString()).ShouldBe(["public"]);
    }

    [Fact]
    public async Task NoNetworksBefore237_TheProjectsOnlyNetwork_AndUserPortSurvivesItsServerUnbound()
    {
        var vm = await JsonAsync(Demo, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageId, "--wait", "default-vm", "-f", "json");
        vm.GetProperty("addresses").ToString().ShouldContain("private");

        var port = await JsonAsync(Demo, "port", "create", "--network", "private", "user-port", "-f", "json");
        var portId = port.GetProperty("id").GetString()!;
        var onPort = await JsonAsync(Demo, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageId, "--port", portId, "--wait", "port-vm", "-f", "json");
        var bound = await JsonAsync(Demo, "port", "show", portId, "-f", "json");
        bound.GetProperty("device_id").GetString().ShouldBe(onPort.GetProperty("id").GetString());
        bound.GetProperty("status").GetString().ShouldBe("ACTIVE");

        // A port in use is nova's 409, before anything is made.
        var inUse = await OpenStackCli.RunAsync(Demo, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageId, "--port", portId, "second");
        inUse.ExitCode.ShouldNotBe(0);
        inUse.StandardError.ShouldContain("is still in use");

        await OkAsync(Demo, "server", "delete", "--wait", "port-vm", "default-vm");
        var unbound = await JsonAsync(Demo, "port", "show", portId, "-f", "json");
        unbound.GetProperty("device_id").GetString().ShouldBe(string.Empty);
        unbound.GetProperty("device_owner").GetString().ShouldBe(string.Empty);
        unbound.GetProperty("status").GetString().ShouldBe("DOWN");
        await OkAsync(Demo, "port", "delete", portId);
        (await JsonAsync(Demo, "port", "list", "--device-owner", "compute:nova", "-f", "json")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task BadNetworkRequests_AreRefusedAtTheApi_AndAFailedAllocationReleasesEverything()
    {
        var token = (await JsonAsync(Demo, "token", "issue", "-f", "json")).GetProperty("id").GetString()!;
        var privateId = (await JsonAsync(Demo, "network", "show", "private", "-f", "json")).GetProperty("id").GetString()!;
        var publicId = (await JsonAsync(Demo, "network", "show", "public", "-f", "json")).GetProperty("id").GetString()!;
        var (status, body) = await CreateAsync(token, "[{\"uuid\": \"" + Guid.NewGuid() + "\"}]");
        status.ShouldBe(400);
        body.ShouldContain("could not be found");
        (status, body) = await CreateAsync(token, "[{\"port\": \"" + Guid.NewGuid() + "\"}]");
        status.ShouldBe(400);
        body.ShouldContain("badRequest");
        (status, _) = await CreateAsync(token, "[{\"uuid\": \"" + publicId + "\"}]");
        status.ShouldBe(400); // an external network the project does not own is not the demo's to plug into

        // A fixed IP outside the subnet passes the API's form check and fails the allocation on the node's turn.
        (status, body) = await CreateAsync(token, "[{\"uuid\": \"" + privateId + "\", \"fixed_ip\": \"192.168.254.7\"}]");
        status.ShouldBe(202, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("server").GetProperty("id").GetString()!;
        JsonElement server = default;
        await Poll.UntilAsync(async () =>
        {
            server = await JsonAsync(Demo, "server", "show", id, "-f", "json");
            return server.GetProperty("status").GetString() == "ERROR";
        }, "the build to fail", Generous);
        server.GetProperty("fault").ToString().ShouldContain("Failed to allocate the network(s)");
        (await JsonAsync(Demo, "port", "list", "--device-id", id, "-f", "json")).GetArrayLength().ShouldBe(0);
        await OkAsync(Demo, "server", "delete", "--wait", id);
    }

    [Fact]
    public async Task Boot_WithAPort_GoesActiveOnlyOnceTheNodeWiredIt_AndANodeThatNeverWiresFailsTheBuild()
    {
        // Wired: the boot waited for network-vif-plugged, so the port is ACTIVE when the server is.
        var vm = await JsonAsync(Demo, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageId, "--network", "private", "--wait", "vif-vm", "-f", "json");
        vm.GetProperty("status").GetString().ShouldBe("ACTIVE");
        var vmId = vm.GetProperty("id").GetString()!;
        var port = (await JsonAsync(Demo, "port", "list", "--device-id", vmId, "-f", "json")).EnumerateArray().ShouldHaveSingleItem();
        port.GetProperty("Status").GetString().ShouldBe("ACTIVE");
        var applied = ((FakeNetworkDriver)host.NetworkDrivers.GetDriver("local")).Applied!;
        applied.Ports.Select(p => p.PortId).ShouldContain(port.GetProperty("ID").GetString());
        await OkAsync(Demo, "server", "delete", "--wait", "vif-vm");

        // Never wired: the node's network driver fails every apply, the port stays DOWN, the boot times out.
        var driver = (FakeNetworkDriver)host.NetworkDrivers.GetDriver("local");
        driver.FailWith = "test: this node's network agent never wires a port";
        try
        {
            var token = (await JsonAsync(Demo, "token", "issue", "-f", "json")).GetProperty("id").GetString()!;
            var privateId = (await JsonAsync(Demo, "network", "show", "private", "-f", "json")).GetProperty("id").GetString()!;
            var (status, body) = await CreateAsync(token, "[{\"uuid\": \"" + privateId + "\"}]");
            status.ShouldBe(202, body);
            var id = JsonDocument.Parse(body).RootElement.GetProperty("server").GetProperty("id").GetString()!;
            await Poll.UntilAsync(async () => (await JsonAsync(Demo, "port", "list", "--device-id", id, "-f", "json")).GetArrayLength() == 1, "the port made", Generous);
            (await JsonAsync(Demo, "port", "list", "--device-id", id, "-f", "json"))[0].GetProperty("Status").GetString().ShouldBe("DOWN");
            JsonElement server = default;
            await Poll.UntilAsync(async () =>
            {
                server = await JsonAsync(Demo, "server", "show", id, "-f", "json");
                return server.GetProperty("status").GetString() == "ERROR";
            }, "the build to time out waiting for network-vif-plugged", TimeSpan.FromSeconds(180));
            server.GetProperty("fault").ToString().ShouldContain($"Build of instance {id} aborted: Failed to allocate the network(s), not rescheduling.");
            (await JsonAsync(Demo, "port", "list", "--device-id", id, "-f", "json")).GetArrayLength().ShouldBe(0);
            await OkAsync(Demo, "server", "delete", "--wait", id);
        }
        finally
        {
            driver.FailWith = null;
        }
    }

    [Fact]
    public async Task InterfacesAndSecurityGroups_AddAndRemoveThroughTheCli_AndNeutronPortDeleteDetaches()
    {
        try
        {
            await InterfacesAndSecurityGroupsAsync();
        }
        finally
        {
            // The demo project's only network must be private again for the other tests, whatever failed here.
            await QuietlyAsync(Demo, "server", "delete", "--wait", "if-vm");
            await QuietlyAsync(Demo, "port", "delete", "p2");
            await QuietlyAsync(Demo, "security", "group", "delete", "sg2");
            await QuietlyAsync(Demo, "network", "delete", "n2");
        }
    }

    private static async Task QuietlyAsync(IDictionary<string, string> environment, params string[] args) =>
        await OpenStackCli.RunAsync(environment, args);

    private async Task InterfacesAndSecurityGroupsAsync()
    {
        await OkAsync(Demo, "network", "create", "n2");
        await OkAsync(Demo, "subnet", "create", "--network", "n2", "--subnet-range", "10.2.0.0/24", "s2");
        await OkAsync(Demo, "security", "group", "create", "sg2");
        var vm = await JsonAsync(Demo, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageId, "--network", "private", "--wait", "if-vm", "-f", "json");
        var serverId = vm.GetProperty("id").GetString()!;

        var p2 = (await JsonAsync(Demo, "port", "create", "--network", "n2", "p2", "-f", "json")).GetProperty("id").GetString()!;
        await OkAsync(Demo, "server", "add", "port", "if-vm", p2);
        var attached = await JsonAsync(Demo, "port", "show", p2, "-f", "json");
        attached.GetProperty("device_id").GetString().ShouldBe(serverId);
        attached.GetProperty("status").GetString().ShouldBe("ACTIVE"); // the attach waited for network-vif-plugged
        host.Drivers.Get("local").Interfaces(serverId).Select(p => p.PortId).ShouldContain(p2); // and hot-plugged it
        (await JsonAsync(Demo, "server", "show", "if-vm", "-f", "json")).GetProperty("addresses").ToString().ShouldContain("n2");
        var token = (await JsonAsync(Demo, "token", "issue", "-f", "json")).GetProperty("id").GetString()!;
        var interfaces = await GetAsync(token, $"/compute/v2.1/servers/{serverId}/os-interface");
        interfaces.GetProperty("interfaceAttachments").GetArrayLength().ShouldBe(2);
        interfaces.GetProperty("interfaceAttachments").EnumerateArray().Select(a => a.GetProperty("port_id").GetString()).ShouldContain(p2);
        await OkAsync(Demo, "server", "remove", "port", "if-vm", p2);
        await Poll.UntilAsync(async () => (await JsonAsync(Demo, "port", "show", p2, "-f", "json")).GetProperty("device_id").GetString() == string.Empty, "the detach workflow to unbind the user's port", Generous);
        host.Drivers.Get("local").Interfaces(serverId).Select(p => p.PortId).ShouldNotContain(p2); // unplugged from the guest first
        var events = await JsonAsync(Demo, "server", "event", "list", "if-vm", "-f", "json");
        events.EnumerateArray().Select(e => e.GetProperty("Action").GetString()).ShouldContain("attach_interface");
        events.EnumerateArray().Select(e => e.GetProperty("Action").GetString()).ShouldContain("detach_interface");

        await OkAsync(Demo, "--os-compute-api-version", "2.49", "server", "add", "network", "--tag", "nic-n2", "if-vm", "n2");
        var onN2 = await JsonAsync(Demo, "port", "list", "--device-id", serverId, "--network", "n2", "-f", "json");
        onN2.GetArrayLength().ShouldBe(1);
        var made = onN2[0].GetProperty("ID").GetString()!;
        var tagged = await GetAsync(token, $"/compute/v2.1/servers/{serverId}/os-interface/{made}", "2.70");
        tagged.GetProperty("interfaceAttachment").GetProperty("tag").GetString().ShouldBe("nic-n2"); // kept as nova keeps it on the VIF
        (await GetAsync(token, $"/compute/v2.1/servers/{serverId}/os-interface/{made}")).GetProperty("interfaceAttachment").TryGetProperty("tag", out _).ShouldBeFalse();
        await OkAsync(Demo, "server", "remove", "network", "if-vm", "n2");
        await Poll.UntilAsync(async () => (await OpenStackCli.RunAsync(Demo, "port", "show", made)).ExitCode != 0, "the detach workflow to delete the port made for the server", Generous);

        await OkAsync(Demo, "server", "add", "security", "group", "if-vm", "sg2");
        var groups = await GetAsync(token, $"/compute/v2.1/servers/{serverId}/os-security-groups");
        groups.GetProperty("security_groups").EnumerateArray().Select(g => g.GetProperty("name").GetString()).ShouldBe(["default", "sg2"]);
        var again = await OpenStackCli.RunAsync(Demo, "server", "add", "security", "group", "if-vm", "sg2");
        again.ExitCode.ShouldNotBe(0);
        await OkAsync(Demo, "server", "remove", "security", "group", "if-vm", "sg2");
        groups = await GetAsync(token, $"/compute/v2.1/servers/{serverId}/os-security-groups");
        groups.GetProperty("security_groups").EnumerateArray().Select(g => g.GetProperty("name").GetString()).ShouldBe(["default"]);

        // Deleting the server's port in Neutron detaches it: gone from addresses and os-interface.
        var privatePort = (await JsonAsync(Demo, "port", "list", "--device-id", serverId, "-f", "json"))[0].GetProperty("ID").GetString()!;
        await OkAsync(Demo, "port", "delete", privatePort);
        (await JsonAsync(Demo, "server", "show", "if-vm", "-f", "json")).GetProperty("addresses").ToString().ShouldNotContain("private");
        (await GetAsync(token, $"/compute/v2.1/servers/{serverId}/os-interface")).GetProperty("interfaceAttachments").GetArrayLength().ShouldBe(0);

        await OkAsync(Demo, "server", "delete", "--wait", "if-vm");
        await OkAsync(Demo, "port", "delete", p2);
        await OkAsync(Demo, "security", "group", "delete", "sg2");
        await OkAsync(Demo, "subnet", "delete", "s2");
        await OkAsync(Demo, "network", "delete", "n2");
    }

    private async Task<JsonElement> GetAsync(string token, string path, string? microversion = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Auth-Token", token);
        if (microversion is not null)
        {
            request.Headers.Add("OpenStack-API-Version", "compute " + microversion);
        }

        using var response = await host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(200, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task ShowsFloatingInRawAddressesAsync(string serverId, string fip)
    {
        var token = (await JsonAsync(Demo, "token", "issue", "-f", "json")).GetProperty("id").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/compute/v2.1/servers/{serverId}");
        request.Headers.Add("X-Auth-Token", token);
        using var response = await host.Client.SendAsync(request);
        var shown = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("server");
        shown.GetProperty("security_groups").EnumerateArray().Select(g => g.GetProperty("name").GetString()).ShouldBe(["sg1"]); // nova's view: its ports' group names
        var addresses = shown.GetProperty("addresses");
        var entries = addresses.GetProperty("n1").EnumerateArray().ToList();
        entries.Count.ShouldBe(2);
        entries[0].EnumerateObject().Select(p => p.Name).ShouldBe(["version", "addr", "OS-EXT-IPS:type", "OS-EXT-IPS-MAC:mac_addr"]);
        entries[0].GetProperty("OS-EXT-IPS:type").GetString().ShouldBe("fixed");
        entries[1].GetProperty("OS-EXT-IPS:type").GetString().ShouldBe("floating");
        entries[1].GetProperty("addr").GetString().ShouldBe(fip);
        entries[1].GetProperty("OS-EXT-IPS-MAC:mac_addr").GetString().ShouldBe(entries[0].GetProperty("OS-EXT-IPS-MAC:mac_addr").GetString());
    }

    private async Task<(int Status, string Body)> CreateAsync(string token, string networks)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/compute/v2.1/servers");
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.Add("X-OpenStack-Nova-API-Version", "2.79");
        request.Content = new StringContent(
            "{\"server\": {\"name\": \"bad-net\", \"flavorRef\": \"1\", \"imageRef\": \"" + ComputeHostFixture.ImageId + "\", \"networks\": " + networks + "}}", Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await host.Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

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
}
