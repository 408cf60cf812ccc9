using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Nodes;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Network.Wiring;
using FuncCloud.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Network;

/// <summary>The shared host of the controller-side wiring tests.</summary>
public sealed class NetworkWiringFixture : NetworkHostFixture;

/// <summary>The network controller: per-node desired state, DHCP/router scheduling, network-sync kicks.</summary>
public sealed class NetworkWiringTests(NetworkWiringFixture host) : IClassFixture<NetworkWiringFixture>
{
    private static string Name(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..14];

    private static async Task RegisterAsync(HttpClient admin, string node, params string[] roles)
    {
        var registration = new ComputeNodeRegistration(node, roles, "nova", "fake", new HostResources(8, 0, 16384, 0, 100, 0), "test");
        var response = await admin.PutAsync($"/compute/v2.1/os-funccloud-nodes/{node}", JsonContent.Create(registration, options: AgentJson.Options));
        ((int)response.StatusCode).ShouldBeOneOf(200, 201);
    }

    private static async Task<NetworkHostState> StateAsync(HttpClient client, string node, string localIp)
    {
        var response = await client.GetAsync($"/compute/v2.1/os-funccloud-nodes/{node}/network-state?local_ip={localIp}");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonSerializer.Deserialize<NetworkHostState>(text, AgentJson.Options)!;
    }

    private static string Id(JsonObject doc) => doc["id"]!.GetValue<string>();

    [Fact]
    public async Task NetworkState_BoundPortDhcpRouter_ComputedPerNodeWithPeersAndExpandedRules()
    {
        using var admin = host.ClientWith(await host.AdminTokenAsync());
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        var networkNode = Name("wnet");
        var computeNode = Name("wcmp");
        await RegisterAsync(admin, networkNode, NodeRoles.Network);
        await RegisterAsync(admin, computeNode, NodeRoles.Compute);

        var network = await Neutron.CreateAsync(demo, "networks", "network", new JsonObject { ["name"] = Name("n") });
        var subnet = await Neutron.CreateAsync(demo, "subnets", "subnet", new JsonObject { ["network_id"] = Id(network), ["ip_version"] = 4, ["cidr"] = "10.61.0.0/24" });
        var router = await Neutron.CreateAsync(demo, "routers", "router", new JsonObject { ["name"] = Name("r") });
        (await demo.PutAsJsonAsync($"/network/v2.0/routers/{Id(router)}/add_router_interface", new JsonObject { ["subnet_id"] = Id(subnet) })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var group = await Neutron.CreateAsync(demo, "security-groups", "security_group", new JsonObject { ["name"] = Name("sg") });
        await Neutron.CreateAsync(demo, "security-group-rules", "security_group_rule", new JsonObject
        {
            ["security_group_id"] = Id(group), ["direction"] = "ingress", ["protocol"] = "tcp", ["port_range_min"] = 22, ["port_range_max"] = 22,
        });
        var port = await Neutron.CreateAsync(demo, "ports", "port", new JsonObject { ["network_id"] = Id(network) });
        var defaultGroup = port["security_groups"]![0]!.GetValue<string>();
        (await demo.PutAsJsonAsync($"/network/v2.0/ports/{Id(port)}", new JsonObject { ["port"] = new JsonObject { ["security_groups"] = new JsonArray(defaultGroup, Id(group)) } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PutAsJsonAsync($"/network/v2.0/ports/{Id(port)}", new JsonObject { ["port"] = new JsonObject { ["binding:host_id"] = computeNode } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var ip = port["fixed_ips"]![0]!["ip_address"]!.GetValue<string>();

        (await StateAsync(admin, computeNode, "192.0.2.11")).Ports.Single().PortId.ShouldBe(Id(port));
        var net = await StateAsync(admin, networkNode, "192.0.2.10");

        var dhcp = net.DhcpServers.ShouldHaveSingleItem();
        dhcp.NetworkId.ShouldBe(Id(network));
        dhcp.PortAddresses.ShouldHaveSingleItem().ShouldEndWith("/24");
        dhcp.Subnets.ShouldHaveSingleItem().GatewayIp.ShouldBe("10.61.0.1");
        dhcp.Hosts.ShouldContain(h => h.PortId == Id(port) && h.IpAddress == ip && h.MacAddress == port["mac_address"]!.GetValue<string>());
        var wiredRouter = net.Routers.ShouldHaveSingleItem();
        wiredRouter.RouterId.ShouldBe(Id(router));
        wiredRouter.Interfaces.ShouldHaveSingleItem().Addresses.ShouldBe(["10.61.0.1/24"]);
        net.Networks.ShouldHaveSingleItem().VxlanPeers.ShouldBe(["192.0.2.11"]);
        net.Ports.ShouldBeEmpty();

        // The DHCP port is neutron's: network:dhcp, bound to the network node, listed to the project.
        var ports = await Neutron.JsonAsync(await demo.GetAsync($"/network/v2.0/ports?network_id={Id(network)}&device_owner=network:dhcp"), 200);
        ports["ports"]!.AsArray().ShouldHaveSingleItem();

        var compute = await StateAsync(admin, computeNode, "192.0.2.11");
        var wired = compute.Networks.ShouldHaveSingleItem();
        wired.NetworkType.ShouldBe("vxlan");
        wired.SegmentationId.ShouldNotBeNull();
        wired.Mtu.ShouldBe(1450);
        wired.VxlanPeers.ShouldBe(["192.0.2.10"]);
        compute.DhcpServers.ShouldBeEmpty();
        compute.Routers.ShouldBeEmpty();
        var wiredPort = compute.Ports.ShouldHaveSingleItem();
        wiredPort.FixedIps.ShouldBe([ip]);
        wiredPort.PortSecurityEnabled.ShouldBeTrue();
        wiredPort.Rules.ShouldContain(r => r.Direction == "ingress" && r.Protocol == "tcp" && r.PortRangeMin == 22 && r.RemotePrefixes.Count == 0);
        wiredPort.Rules.ShouldContain(r => r.Direction == "egress" && r.Ethertype == "IPv4" && r.Protocol == null && r.RemotePrefixes.Count == 0);
        // The default group's "from members of default" rule: expanded to the member's own address, never "any".
        wiredPort.Rules.ShouldContain(r => r.Direction == "ingress" && r.Ethertype == "IPv4" && r.Protocol == null && r.RemotePrefixes.SequenceEqual(new[] { ip + "/32" }));
        wiredPort.Rules.ShouldNotContain(r => r.Direction == "ingress" && r.Ethertype == "IPv6" && r.Protocol == null);
        compute.Revision.ShouldBeGreaterThan(net.Revision);
    }

    [Fact]
    public async Task PortChange_KicksTheBoundNode_WithNetworkSync()
    {
        using var admin = host.ClientWith(await host.AdminTokenAsync());
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        var node = Name("wkick");
        await RegisterAsync(admin, node, NodeRoles.Compute);
        var network = await Neutron.CreateAsync(demo, "networks", "network", new JsonObject { ["name"] = Name("n") });
        await Neutron.CreateAsync(demo, "subnets", "subnet", new JsonObject { ["network_id"] = Id(network), ["ip_version"] = 4, ["cidr"] = "10.62.0.0/24" });
        var port = await Neutron.CreateAsync(demo, "ports", "port", new JsonObject { ["network_id"] = Id(network) });
        (await admin.PutAsJsonAsync($"/network/v2.0/ports/{Id(port)}", new JsonObject { ["port"] = new JsonObject { ["binding:host_id"] = node } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var queue = host.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(host.Services.GetRequiredService<StorageNames>().Queue(AgentQueueNames.ForNode(node)));
        var messages = (await queue.PeekMessagesAsync(32)).Value;
        var kick = messages.Select(m => JsonSerializer.Deserialize<AgentCommand>(m.Body.ToString(), AgentJson.Options)!).ShouldHaveSingleItem();
        kick.Kind.ShouldBe(AgentCommandKinds.NetworkSync);

        // Deleting the bound port kicks the node it was bound to (its state loses the port).
        (await demo.DeleteAsync($"/network/v2.0/ports/{Id(port)}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await queue.PeekMessagesAsync(32)).Value.Length.ShouldBe(2);
        (await StateAsync(admin, node, "192.0.2.20")).Ports.ShouldBeEmpty();
    }

    [Fact]
    public async Task NetworkState_MemberOrUnknownNode_403Or404InNovaShape()
    {
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        using var admin = host.ClientWith(await host.AdminTokenAsync());
        var forbidden = await demo.GetAsync("/compute/v2.1/os-funccloud-nodes/anything/network-state");
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await forbidden.Content.ReadFromJsonAsync<JsonObject>())!.ContainsKey("forbidden").ShouldBeTrue();
        var missing = await admin.GetAsync($"/compute/v2.1/os-funccloud-nodes/{Name("nope")}/network-state");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync("/compute/v2.1/os-funccloud-nodes/x/network-state?local_ip=not-an-ip")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
