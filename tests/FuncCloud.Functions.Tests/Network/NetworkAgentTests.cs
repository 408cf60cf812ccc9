using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FuncCloud.Agent.Network;
using FuncCloud.Agent.Network.Fake;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Network;

/// <summary>A LocalHost plus a real agent whose node has the compute and network roles, Fake drivers.</summary>
public sealed class NetworkAgentFixture : ComputeHostFixture
{
    private INetworkDriverFactory? _networkDrivers;

    /// <inheritdoc />
    public override IReadOnlyList<string> Nodes => ["netagent"];

    /// <summary>The node's Fake network driver.</summary>
    public FakeNetworkDriver Driver => (FakeNetworkDriver)_networkDrivers!.GetDriver("netagent");

    /// <inheritdoc />
    protected override IDictionary<string, string?> AgentSettings => new Dictionary<string, string?>
    {
        ["FuncCloud:Agent:Roles:0"] = "compute",
        ["FuncCloud:Agent:Roles:1"] = "network",
        ["FuncCloud:Agent:LocalIp"] = "192.0.2.50",
        // Only kicks (and the first fetch) may bring changes within the test's bounds.
        ["FuncCloud:Agent:NetworkSyncInterval"] = "00:10:00",
    };

    /// <inheritdoc />
    protected override void OnAgentBuilt(IServiceProvider services)
    {
        base.OnAgentBuilt(services);
        _networkDrivers = services.GetRequiredService<INetworkDriverFactory>();
    }

    /// <summary>The admin's token.</summary>
    public Task<string> AdminTokenAsync() => TokenAsync("admin", AdminPassword, "admin");

    /// <summary>The demo member's token.</summary>
    public Task<string> DemoTokenAsync() => TokenAsync("demo", DemoPassword, "demo");

    /// <summary>A client that sends <paramref name="token"/>.</summary>
    public HttpClient ClientWith(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        return client;
    }
}

/// <summary>The agent's network role end to end: kicks lead to applies of the controller's state on the Fake driver.</summary>
public sealed class NetworkAgentTests(NetworkAgentFixture host) : IClassFixture<NetworkAgentFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static string Id(JsonObject doc) => doc["id"]!.GetValue<string>();

    [Fact]
    public async Task NetworkRole_SubnetAndBoundPort_AppliedOnTheNodeAfterKicks()
    {
        using var admin = host.ClientWith(await host.AdminTokenAsync());
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        await Poll.UntilAsync(() => Task.FromResult(host.Driver.Applied is not null), "the first network state applied", Bound);

        var network = await Neutron.CreateAsync(demo, "networks", "network", new JsonObject { ["name"] = "agent-net" });
        await Neutron.CreateAsync(demo, "subnets", "subnet", new JsonObject { ["network_id"] = Id(network), ["ip_version"] = 4, ["cidr"] = "10.71.0.0/24" });

        // The subnet made the network need DHCP: scheduled to the only network node, which got kicked.
        await Poll.UntilAsync(() => Task.FromResult(host.Driver.Applied!.DhcpServers.Any(d => d.NetworkId == Id(network))), "the DHCP server applied", Bound);
        var observed = await host.Driver.ObserveAsync(CancellationToken.None);
        observed.Namespaces.ShouldContain("qdhcp-" + Id(network));

        var port = await Neutron.CreateAsync(admin, "ports", "port", new JsonObject
        {
            ["network_id"] = Id(network), ["project_id"] = network["project_id"]!.GetValue<string>(), ["binding:host_id"] = "netagent",
        });
        await Poll.UntilAsync(() => Task.FromResult(host.Driver.Applied!.Ports.Any(p => p.PortId == Id(port))), "the bound port applied", Bound);
        var leases = await host.Driver.GetLeasesAsync(Id(network), CancellationToken.None);
        leases.ShouldContain(l => l.IpAddress == port["fixed_ips"]![0]!["ip_address"]!.GetValue<string>());

        (await admin.DeleteAsync($"/network/v2.0/ports/{Id(port)}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Poll.UntilAsync(() => Task.FromResult(host.Driver.Applied!.Ports.All(p => p.PortId != Id(port))), "the deleted port removed", Bound);

        // The agent reported its VXLAN address on fetch: the controller records it for peers.
        var state = await admin.GetFromJsonAsync<JsonObject>("/compute/v2.1/os-funccloud-nodes/netagent/network-state");
        state!["nodeName"]!.GetValue<string>().ShouldBe("netagent");
        File.Exists(host.Driver.StateFile).ShouldBeTrue();
    }

    [Fact]
    public async Task AgentCli_ListMoveRouter_AsAdmin()
    {
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        var router = await Neutron.CreateAsync(demo, "routers", "router", new JsonObject { ["name"] = "cli-agent-router" });

        var list = await OpenStackCli.RunAsync(host.AdminEnvironment, "network", "agent", "list", "-f", "json");
        list.ExitCode.ShouldBe(0, list.ToString());
        var agents = list.Json.EnumerateArray().ToList();
        agents.Select(a => a.GetProperty("Agent Type").GetString()).Order().ShouldBe(["DHCP agent", "L3 agent", "Linux bridge agent"]);
        agents.ShouldAllBe(a => a.GetProperty("Host").GetString() == "netagent" && a.GetProperty("Alive").ToString().Contains("True", StringComparison.OrdinalIgnoreCase) || a.GetProperty("Alive").ToString() == ":-)");
        var l3 = agents.Single(a => a.GetProperty("Agent Type").GetString() == "L3 agent").GetProperty("ID").GetString()!;

        // The router was placed on the only network node when it was made; move it off and back.
        var hosting = await OpenStackCli.RunAsync(host.AdminEnvironment, "network", "agent", "list", "--router", Id(router), "-f", "json");
        hosting.ExitCode.ShouldBe(0, hosting.ToString());
        hosting.Json.EnumerateArray().Single().GetProperty("ID").GetString().ShouldBe(l3);
        var removed = await OpenStackCli.RunAsync(host.AdminEnvironment, "network", "agent", "remove", "router", "--l3", l3, Id(router));
        removed.ExitCode.ShouldBe(0, removed.ToString());
        var added = await OpenStackCli.RunAsync(host.AdminEnvironment, "network", "agent", "add", "router", "--l3", l3, Id(router));
        added.ExitCode.ShouldBe(0, added.ToString());
        await Poll.UntilAsync(() => Task.FromResult(host.Driver.Applied!.Routers.Any(r => r.RouterId == Id(router))), "the moved router applied", Bound);

        // As neutron: the policy filters a member's list to nothing (Tempest's test_list_agents_non_admin).
        var hidden = await OpenStackCli.RunAsync(host.DemoEnvironment, "network", "agent", "list", "-f", "json");
        hidden.ExitCode.ShouldBe(0, hidden.ToString());
        hidden.Json.EnumerateArray().ShouldBeEmpty();
    }
}
