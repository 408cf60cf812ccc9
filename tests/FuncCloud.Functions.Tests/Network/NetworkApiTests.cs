using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Network;

/// <summary>The shared host of the raw HTTP networking tests.</summary>
public sealed class NetworkApiFixture : NetworkHostFixture;

/// <summary>Neutron v2.0 wire behaviour: discovery, errors, IPAM, isolation, pagination, revisions, tags.</summary>
public sealed class NetworkApiTests(NetworkApiFixture host) : IClassFixture<NetworkApiFixture>
{
    private static string Name(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..12];

    private static async Task<(JsonObject Network, JsonObject Subnet)> NetworkWithSubnetAsync(HttpClient client, string cidr, JsonObject? subnetExtra = null)
    {
        var network = await Neutron.CreateAsync(client, "networks", "network", new JsonObject { ["name"] = Name("n") });
        var body = new JsonObject { ["network_id"] = network["id"]!.GetValue<string>(), ["ip_version"] = 4, ["cidr"] = cidr };
        foreach (var (key, value) in subnetExtra ?? [])
        {
            body[key] = value?.DeepClone();
        }

        return (network, await Neutron.CreateAsync(client, "subnets", "subnet", body));
    }

    [Fact]
    public async Task Discovery_RootAndV2_ListVersionAndCollections()
    {
        var versions = await Neutron.JsonAsync(await host.Client.GetAsync("/network"), 200);
        var v2 = versions["versions"]!.AsArray().Single()!;
        v2["id"]!.GetValue<string>().ShouldBe("v2.0");
        v2["status"]!.GetValue<string>().ShouldBe("CURRENT");
        v2["links"]![0]!["href"]!.GetValue<string>().ShouldEndWith("/network/v2.0/");

        var resources = await Neutron.JsonAsync(await host.Client.GetAsync("/network/v2.0"), 200);
        resources["resources"]!.AsArray().Select(r => r!["collection"]!.GetValue<string>()).ShouldContain("ports");
    }

    [Fact]
    public async Task Extensions_ListsImplementedAliasesOnly()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var body = await Neutron.JsonAsync(await client.GetAsync("/network/v2.0/extensions"), 200);
        var aliases = body["extensions"]!.AsArray().Select(e => e!["alias"]!.GetValue<string>()).ToList();
        aliases.ShouldContain("router");
        aliases.ShouldContain("security-group");
        aliases.ShouldContain("standard-attr-tag");
        aliases.ShouldNotContain("dvr");
        (await Neutron.FailAsync(await client.GetAsync("/network/v2.0/extensions/dvr"), 404)).ShouldBe("ExtensionNotFound");
    }

    [Fact]
    public async Task Errors_HaveNeutronShape()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        (await Neutron.FailAsync(await client.GetAsync($"/network/v2.0/networks/{Guid.NewGuid()}"), 404)).ShouldBe("NetworkNotFound");
        (await Neutron.FailAsync(await client.GetAsync("/network/v2.0/networks?bogus=1"), 400)).ShouldBe("HTTPBadRequest");
        (await Neutron.FailAsync(await client.GetAsync("/network/v2.0/nothing"), 404)).ShouldBe("HTTPNotFound");
        (await Neutron.FailAsync(await Neutron.PostAsync(client, "networks", "network", new JsonObject { ["bogus"] = 1 }), 400)).ShouldBe("HTTPBadRequest");
        (await Neutron.FailAsync(await Neutron.PostAsync(client, "networks", "network", new JsonObject { ["shared"] = true }), 403)).ShouldBe("PolicyNotAuthorized");
        var network = await Neutron.CreateAsync(client, "networks", "network", new JsonObject { ["name"] = Name("e") });
        var id = network["id"]!.GetValue<string>();
        network["mtu"]!.GetValue<int>().ShouldBe(1450);
        network.ContainsKey("provider:network_type").ShouldBeFalse();
        (await Neutron.FailAsync(await Neutron.PostAsync(client, "subnets", "subnet", new JsonObject { ["network_id"] = id, ["ip_version"] = 4, ["cidr"] = "10.9.0.0/33" }), 400)).ShouldBe("InvalidInput");
        (await Neutron.FailAsync(await Neutron.PostAsync(client, "subnets", "subnet", new JsonObject { ["network_id"] = id, ["ip_version"] = 4, ["cidr"] = "10.9.0.0/24", ["gateway_ip"] = "10.8.0.1" }), 400)).ShouldBe("InvalidInput");
        await Neutron.CreateAsync(client, "subnets", "subnet", new JsonObject { ["network_id"] = id, ["ip_version"] = 4, ["cidr"] = "10.9.0.0/24" });
        (await Neutron.FailAsync(await Neutron.PostAsync(client, "subnets", "subnet", new JsonObject { ["network_id"] = id, ["ip_version"] = 4, ["cidr"] = "10.9.0.128/25" }), 400)).ShouldBe("InvalidInput");
        await Neutron.CreateAsync(client, "ports", "port", new JsonObject { ["network_id"] = id });
        (await Neutron.FailAsync(await client.DeleteAsync($"/network/v2.0/networks/{id}"), 409)).ShouldBe("NetworkInUse");
    }

    [Fact]
    public async Task Ports_FixedIpRequests_AllocateReleaseAndRefuse()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var (network, subnet) = await NetworkWithSubnetAsync(client, "10.20.0.0/24", new JsonObject
        {
            ["allocation_pools"] = new JsonArray(new JsonObject { ["start"] = "10.20.0.10", ["end"] = "10.20.0.20" }),
            ["dns_nameservers"] = new JsonArray("10.20.0.2"),
            ["host_routes"] = new JsonArray(new JsonObject { ["destination"] = "10.30.0.0/24", ["nexthop"] = "10.20.0.5" }),
        });
        subnet["gateway_ip"]!.GetValue<string>().ShouldBe("10.20.0.1");
        var networkId = network["id"]!.GetValue<string>();
        var subnetId = subnet["id"]!.GetValue<string>();

        var port = await Neutron.CreateAsync(client, "ports", "port", new JsonObject { ["network_id"] = networkId });
        var ip = port["fixed_ips"]![0]!["ip_address"]!.GetValue<string>();
        int.Parse(ip.Split('.')[3]).ShouldBeInRange(10, 20);
        port["mac_address"]!.GetValue<string>().ShouldStartWith("fa:16:3e:");
        port["security_groups"]!.AsArray().Count.ShouldBe(1);
        port.ContainsKey("binding:profile").ShouldBeFalse();

        var fixedPort = await Neutron.CreateAsync(client, "ports", "port", new JsonObject
        {
            ["network_id"] = networkId,
            ["fixed_ips"] = new JsonArray(new JsonObject { ["subnet_id"] = subnetId, ["ip_address"] = "10.20.0.50" }),
        });
        fixedPort["fixed_ips"]![0]!["ip_address"]!.GetValue<string>().ShouldBe("10.20.0.50");

        var again = new JsonObject { ["network_id"] = networkId, ["fixed_ips"] = new JsonArray(new JsonObject { ["ip_address"] = "10.20.0.50" }) };
        (await Neutron.FailAsync(await Neutron.PostAsync(client, "ports", "port", again), 409)).ShouldBe("IpAddressAlreadyAllocated");
        var outside = new JsonObject { ["network_id"] = networkId, ["fixed_ips"] = new JsonArray(new JsonObject { ["subnet_id"] = subnetId, ["ip_address"] = "10.21.0.5" }) };
        (await Neutron.FailAsync(await Neutron.PostAsync(client, "ports", "port", outside), 400)).ShouldBe("InvalidIpForSubnet");
        var mac = new JsonObject { ["network_id"] = networkId, ["mac_address"] = port["mac_address"]!.GetValue<string>() };
        (await Neutron.FailAsync(await Neutron.PostAsync(client, "ports", "port", mac), 409)).ShouldBe("MacAddressInUse");

        (await client.DeleteAsync($"/network/v2.0/ports/{fixedPort["id"]}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        var reused = await Neutron.CreateAsync(client, "ports", "port", again);
        reused["fixed_ips"]![0]!["ip_address"]!.GetValue<string>().ShouldBe("10.20.0.50");
    }

    [Fact]
    public async Task Ports_200ConcurrentCreatesOnOneSubnet_NeverDuplicateAddressOrMac()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var (network, _) = await NetworkWithSubnetAsync(client, "10.40.0.0/23");
        var networkId = network["id"]!.GetValue<string>();
        var ports = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Neutron.CreateAsync(client, "ports", "port", new JsonObject { ["network_id"] = networkId })));

        ports.Select(p => p["fixed_ips"]![0]!["ip_address"]!.GetValue<string>()).Distinct().Count().ShouldBe(200);
        ports.Select(p => p["mac_address"]!.GetValue<string>()).Distinct().Count().ShouldBe(200);
        var listed = await Neutron.JsonAsync(await client.GetAsync($"/network/v2.0/ports?network_id={networkId}&fields=id&fields=fixed_ips"), 200);
        listed["ports"]!.AsArray().Count.ShouldBe(200);
        listed["ports"]![0]!.AsObject().Select(p => p.Key).OrderBy(k => k).ShouldBe(["fixed_ips", "id"]);
    }

    [Fact]
    public async Task Isolation_OtherProjectsNetworkInvisibleUntilRbacShared()
    {
        using var admin = host.ClientWith(await host.AdminTokenAsync());
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        var (network, subnet) = await NetworkWithSubnetAsync(admin, "10.50.0.0/24");
        var id = network["id"]!.GetValue<string>();

        (await Neutron.FailAsync(await demo.GetAsync($"/network/v2.0/networks/{id}"), 404)).ShouldBe("NetworkNotFound");
        (await Neutron.JsonAsync(await demo.GetAsync("/network/v2.0/networks"), 200))["networks"]!.AsArray().ShouldNotContain(n => n!["id"]!.GetValue<string>() == id);
        (await Neutron.FailAsync(await Neutron.PostAsync(demo, "ports", "port", new JsonObject { ["network_id"] = id }), 404)).ShouldBe("NetworkNotFound");

        var demoProject = (await Neutron.CreateAsync(demo, "networks", "network", new JsonObject { ["name"] = Name("d") }))["project_id"]!.GetValue<string>();
        await Neutron.CreateAsync(admin, "rbac-policies", "rbac_policy", new JsonObject
        {
            ["object_type"] = "network", ["object_id"] = id, ["action"] = "access_as_shared", ["target_tenant"] = demoProject,
        });
        (await Neutron.JsonAsync(await demo.GetAsync($"/network/v2.0/networks/{id}"), 200))["network"]!["id"]!.GetValue<string>().ShouldBe(id);
        (await Neutron.JsonAsync(await demo.GetAsync($"/network/v2.0/subnets/{subnet["id"]}"), 200))["subnet"]!["cidr"]!.GetValue<string>().ShouldBe("10.50.0.0/24");
        var port = await Neutron.CreateAsync(demo, "ports", "port", new JsonObject { ["network_id"] = id });
        port["project_id"]!.GetValue<string>().ShouldBe(demoProject);
        (await Neutron.FailAsync(await demo.PutAsJsonAsync($"/network/v2.0/networks/{id}", new JsonObject { ["network"] = new JsonObject { ["name"] = "x" } }), 403)).ShouldBe("PolicyNotAuthorized");
    }

    [Fact]
    public async Task List_SortLimitMarker_PagesWithLinks()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var tag = Name("page");
        for (var i = 0; i < 5; i++)
        {
            var network = await Neutron.CreateAsync(client, "networks", "network", new JsonObject { ["name"] = $"{tag}-{i}" });
            (await client.PutAsync($"/network/v2.0/networks/{network["id"]}/tags/{tag}", null)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        }

        var names = new List<string>();
        var url = $"/network/v2.0/networks?tags={tag}&sort_key=name&sort_dir=desc&limit=2";
        while (url is not null)
        {
            var page = await Neutron.JsonAsync(await client.GetAsync(url), 200);
            names.AddRange(page["networks"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
            url = page["networks_links"]!.AsArray().FirstOrDefault(l => l!["rel"]!.GetValue<string>() == "next")?["href"]!.GetValue<string>();
        }

        names.ShouldBe(Enumerable.Range(0, 5).Select(i => $"{tag}-{4 - i}").ToList());
    }

    [Fact]
    public async Task Update_IfMatchRevision_RefusesStaleAndBumpsRevision()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var network = await Neutron.CreateAsync(client, "networks", "network", new JsonObject { ["name"] = Name("r") });
        var revision = network["revision_number"]!.GetValue<long>();
        var url = $"/network/v2.0/networks/{network["id"]}";

        using var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new JsonObject { ["network"] = new JsonObject { ["name"] = "x" } }) };
        stale.Headers.TryAddWithoutValidation("If-Match", $"revision_number={revision + 5}");
        (await Neutron.FailAsync(await client.SendAsync(stale), 412)).ShouldBe("PreconditionFailed");

        using var fresh = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new JsonObject { ["network"] = new JsonObject { ["name"] = "renamed" } }) };
        fresh.Headers.TryAddWithoutValidation("If-Match", $"revision_number={revision}");
        var updated = (await Neutron.JsonAsync(await client.SendAsync(fresh), 200))["network"]!;
        updated["name"]!.GetValue<string>().ShouldBe("renamed");
        updated["revision_number"]!.GetValue<long>().ShouldBe(revision + 1);
    }

    [Fact]
    public async Task SecurityGroups_DefaultOnFirstUse_DuplicateRule409()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var listed = await Neutron.JsonAsync(await client.GetAsync("/network/v2.0/security-groups?name=default"), 200);
        var defaultGroup = listed["security_groups"]!.AsArray().Single()!;
        defaultGroup["security_group_rules"]!.AsArray().Count.ShouldBe(4);

        var group = await Neutron.CreateAsync(client, "security-groups", "security_group", new JsonObject { ["name"] = Name("sg") });
        group["security_group_rules"]!.AsArray().Count.ShouldBe(2);
        var rule = new JsonObject { ["security_group_id"] = group["id"]!.GetValue<string>(), ["direction"] = "ingress", ["protocol"] = "tcp", ["port_range_min"] = 22, ["port_range_max"] = 22 };
        await Neutron.CreateAsync(client, "security-group-rules", "security_group_rule", rule);
        (await Neutron.FailAsync(await Neutron.PostAsync(client, "security-group-rules", "security_group_rule", rule), 409)).ShouldBe("SecurityGroupRuleExists");
        var bad = new JsonObject { ["security_group_id"] = group["id"]!.GetValue<string>(), ["direction"] = "ingress", ["protocol"] = "tcp", ["port_range_min"] = 30, ["port_range_max"] = 20 };
        (await Neutron.FailAsync(await Neutron.PostAsync(client, "security-group-rules", "security_group_rule", bad), 400)).ShouldBe("SecurityGroupInvalidPortRange");
    }

    [Fact]
    public async Task Routers_OverlappingInterfacesRefused_FloatingIpNeedsRouter()
    {
        using var admin = host.ClientWith(await host.AdminTokenAsync());
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        var external = await Neutron.CreateAsync(admin, "networks", "network", new JsonObject { ["name"] = Name("ext"), ["router:external"] = true, ["provider:network_type"] = "local" });
        await Neutron.CreateAsync(admin, "subnets", "subnet", new JsonObject { ["network_id"] = external["id"]!.GetValue<string>(), ["ip_version"] = 4, ["cidr"] = "172.24.60.0/24" });
        var (_, a) = await NetworkWithSubnetAsync(demo, "10.60.0.0/24");
        var (_, b) = await NetworkWithSubnetAsync(demo, "10.60.0.0/25");
        var router = await Neutron.CreateAsync(demo, "routers", "router", new JsonObject
        {
            ["name"] = Name("r"), ["external_gateway_info"] = new JsonObject { ["network_id"] = external["id"]!.GetValue<string>() },
        });
        router["external_gateway_info"]!["enable_snat"]!.GetValue<bool>().ShouldBeTrue();
        router["external_gateway_info"]!["external_fixed_ips"]!.AsArray().Count.ShouldBe(1);
        var routerUrl = $"/network/v2.0/routers/{router["id"]}";
        var info = await Neutron.JsonAsync(await demo.PutAsJsonAsync(routerUrl + "/add_router_interface", new JsonObject { ["subnet_id"] = a["id"]!.GetValue<string>() }), 200);
        info["subnet_id"]!.GetValue<string>().ShouldBe(a["id"]!.GetValue<string>());
        (await Neutron.FailAsync(await demo.PutAsJsonAsync(routerUrl + "/add_router_interface", new JsonObject { ["subnet_id"] = b["id"]!.GetValue<string>() }), 400)).ShouldBe("BadRequest");

        var portOnA = await Neutron.CreateAsync(demo, "ports", "port", new JsonObject { ["network_id"] = a["network_id"]!.GetValue<string>() });
        var portOnB = await Neutron.CreateAsync(demo, "ports", "port", new JsonObject { ["network_id"] = b["network_id"]!.GetValue<string>() });
        var fip = await Neutron.CreateAsync(demo, "floatingips", "floatingip", new JsonObject { ["floating_network_id"] = external["id"]!.GetValue<string>() });
        fip["status"]!.GetValue<string>().ShouldBe("DOWN");
        var fipUrl = $"/network/v2.0/floatingips/{fip["id"]}";
        (await Neutron.FailAsync(await demo.PutAsJsonAsync(fipUrl, new JsonObject { ["floatingip"] = new JsonObject { ["port_id"] = portOnB["id"]!.GetValue<string>() } }), 404)).ShouldBe("ExternalGatewayForFloatingIPNotFound");
        var associated = (await Neutron.JsonAsync(await demo.PutAsJsonAsync(fipUrl, new JsonObject { ["floatingip"] = new JsonObject { ["port_id"] = portOnA["id"]!.GetValue<string>() } }), 200))["floatingip"]!;
        associated["router_id"]!.GetValue<string>().ShouldBe(router["id"]!.GetValue<string>());
        associated["fixed_ip_address"]!.GetValue<string>().ShouldBe(portOnA["fixed_ips"]![0]!["ip_address"]!.GetValue<string>());
        (await Neutron.FailAsync(await demo.PutAsJsonAsync(routerUrl + "/remove_router_interface", new JsonObject { ["subnet_id"] = a["id"]!.GetValue<string>() }), 409)).ShouldBe("RouterInterfaceInUseByFloatingIP");
        (await Neutron.FailAsync(await demo.DeleteAsync(routerUrl), 409)).ShouldBe("RouterInUse");
    }

    [Fact]
    public async Task Quotas_DetailsCountUsage_AdminLimitEnforced()
    {
        using var admin = host.ClientWith(await host.AdminTokenAsync());
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        var project = (await Neutron.CreateAsync(demo, "networks", "network", new JsonObject { ["name"] = Name("q") }))["project_id"]!.GetValue<string>();
        var details = (await Neutron.JsonAsync(await demo.GetAsync($"/network/v2.0/quotas/{project}/details"), 200))["quota"]!;
        details["network"]!["limit"]!.GetValue<long>().ShouldBe(100);
        var used = details["network"]!["used"]!.GetValue<long>();
        used.ShouldBeGreaterThan(0);

        (await Neutron.FailAsync(await demo.PutAsJsonAsync($"/network/v2.0/quotas/{project}", new JsonObject { ["quota"] = new JsonObject { ["network"] = 1 } }), 403)).ShouldBe("PolicyNotAuthorized");
        var set = await Neutron.JsonAsync(await admin.PutAsJsonAsync($"/network/v2.0/quotas/{project}", new JsonObject { ["quota"] = new JsonObject { ["network"] = used } }), 200);
        set["quota"]!["network"]!.GetValue<long>().ShouldBe(used);
        (await Neutron.FailAsync(await Neutron.PostAsync(demo, "networks", "network", new JsonObject { ["name"] = Name("q") }), 409)).ShouldBe("OverQuota");
        (await admin.DeleteAsync($"/network/v2.0/quotas/{project}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        await Neutron.CreateAsync(demo, "networks", "network", new JsonObject { ["name"] = Name("q") });
    }

    // --- what Tempest's network tests found (docs/conformance.md) ---

    [Fact]
    public async Task BulkCreate_AllOrNothing()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var names = new[] { Name("b1"), Name("b2") };
        var body = new JsonObject { ["networks"] = new JsonArray(names.Select(n => (JsonNode?)new JsonObject { ["name"] = n }).ToArray()) };
        var created = (await Neutron.JsonAsync(await client.PostAsJsonAsync("/network/v2.0/networks", body), 201))["networks"]!.AsArray();
        created.Select(n => n!["name"]!.GetValue<string>()).ShouldBe(names);

        // The second port asks for an address outside the subnet: neither port is left behind.
        var (network, subnet) = await NetworkWithSubnetAsync(client, "10.80.0.0/24");
        var networkId = network["id"]!.GetValue<string>();
        var ports = new JsonObject
        {
            ["ports"] = new JsonArray(
                new JsonObject { ["network_id"] = networkId, ["name"] = "first" },
                new JsonObject { ["network_id"] = networkId, ["fixed_ips"] = new JsonArray(new JsonObject { ["subnet_id"] = subnet["id"]!.GetValue<string>(), ["ip_address"] = "10.81.0.5" }) }),
        };
        (await Neutron.FailAsync(await client.PostAsJsonAsync("/network/v2.0/ports", ports), 400)).ShouldBe("InvalidIpForSubnet");
        (await Neutron.JsonAsync(await client.GetAsync($"/network/v2.0/ports?network_id={networkId}"), 200))["ports"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task ExternalNetwork_SubnetsHiddenFromOthers_DeleteTakesFreeFloatingIps()
    {
        using var admin = host.ClientWith(await host.AdminTokenAsync());
        using var demo = host.ClientWith(await host.DemoTokenAsync());
        var external = await Neutron.CreateAsync(admin, "networks", "network", new JsonObject { ["name"] = Name("ext"), ["router:external"] = true, ["provider:network_type"] = "local" });
        var id = external["id"]!.GetValue<string>();
        var subnet = await Neutron.CreateAsync(admin, "subnets", "subnet", new JsonObject { ["network_id"] = id, ["ip_version"] = 4, ["cidr"] = "172.24.70.0/24", ["enable_dhcp"] = false });

        // As neutron: an external network is visible to every project, its subnets only to its owner.
        (await Neutron.JsonAsync(await demo.GetAsync($"/network/v2.0/networks/{id}"), 200))["network"]!["id"]!.GetValue<string>().ShouldBe(id);
        (await Neutron.JsonAsync(await demo.GetAsync($"/network/v2.0/subnets?network_id={id}"), 200))["subnets"]!.AsArray().ShouldBeEmpty();
        (await Neutron.FailAsync(await demo.GetAsync($"/network/v2.0/subnets/{subnet["id"]}"), 404)).ShouldBe("SubnetNotFound");

        var fip = await Neutron.CreateAsync(admin, "floatingips", "floatingip", new JsonObject { ["floating_network_id"] = id });
        (await admin.DeleteAsync($"/network/v2.0/networks/{id}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        (await Neutron.FailAsync(await admin.GetAsync($"/network/v2.0/floatingips/{fip["id"]}"), 404)).ShouldBe("FloatingIPNotFound");
        (await Neutron.FailAsync(await admin.GetAsync($"/network/v2.0/subnets/{subnet["id"]}"), 404)).ShouldBe("SubnetNotFound");
    }

    [Fact]
    public async Task Tags_ConfirmOne_QuotaDetailsWithFormatSuffix()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var network = await Neutron.CreateAsync(client, "networks", "network", new JsonObject { ["name"] = Name("t") });
        var url = $"/network/v2.0/networks/{network["id"]}/tags";
        (await client.PutAsync(url + "/red", null)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        (await client.GetAsync(url + "/red")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        (await Neutron.FailAsync(await client.GetAsync(url + "/blue"), 404)).ShouldBe("TagNotFound");

        var project = network["project_id"]!.GetValue<string>();
        var details = (await Neutron.JsonAsync(await client.GetAsync($"/network/v2.0/quotas/{project}/details.json"), 200))["quota"]!.AsObject();
        details["network"]!.AsObject().Select(p => p.Key).Order().ShouldBe(["limit", "reserved", "used"]);
        (await Neutron.FailAsync(await client.GetAsync($"/network/v2.0/quotas/{project}/detail"), 404)).ShouldBe("HTTPNotFound");
    }

    [Fact]
    public async Task SecurityGroupRules_ValidateLikeNeutron()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var group = await Neutron.CreateAsync(client, "security-groups", "security_group", new JsonObject { ["name"] = Name("v") });
        var groupId = group["id"]!.GetValue<string>();

        async Task<string> RuleFails(string protocol, int? min, int? max, string? prefix = null)
        {
            var rule = new JsonObject { ["security_group_id"] = groupId, ["direction"] = "ingress", ["protocol"] = protocol, ["port_range_min"] = min, ["port_range_max"] = max };
            if (prefix is not null)
            {
                rule["remote_ip_prefix"] = prefix;
            }

            var response = await Neutron.PostAsync(client, "security-group-rules", "security_group_rule", rule);
            var text = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).ShouldBe(400, text);
            return JsonNode.Parse(text)!["NeutronError"]!["message"]!.GetValue<string>();
        }

        (await RuleFails("tcp", -16, 80)).ShouldContain("Invalid value for port -16");
        (await RuleFails("tcp", 80, 65536)).ShouldContain("Invalid value for port 65536");
        (await RuleFails("tcp", null, 6)).ShouldContain("port_range_min must be <= port_range_max");
        (await RuleFails("icmp", 1, 256)).ShouldContain("Invalid value for ICMP code");
        (await RuleFails("icmp", 300, 1)).ShouldContain("Invalid value for ICMP type");
        (await RuleFails("icmp", null, 6)).ShouldContain("ICMP type (port-range-min) is missing");
        foreach (var prefix in new[] { "192.168.1./24", "192.168.1.1/33", "bad_prefix", "256" })
        {
            await RuleFails("tcp", null, null, prefix);
        }

        var rename = new JsonObject { ["security_group"] = new JsonObject { ["name"] = "default" } };
        (await Neutron.FailAsync(await client.PutAsJsonAsync($"/network/v2.0/security-groups/{groupId}", rename), 409)).ShouldBe("SecurityGroupDefaultAlreadyExists");
    }

    [Fact]
    public async Task Subnets_Ipv6RaAndAddressModesMustAgree()
    {
        using var client = host.ClientWith(await host.DemoTokenAsync());
        var network = await Neutron.CreateAsync(client, "networks", "network", new JsonObject { ["name"] = Name("v6") });
        var body = new JsonObject
        {
            ["network_id"] = network["id"]!.GetValue<string>(), ["ip_version"] = 6, ["cidr"] = "2001:db8:80::/64",
            ["ipv6_ra_mode"] = "slaac", ["ipv6_address_mode"] = "dhcpv6-stateful",
        };
        (await Neutron.FailAsync(await Neutron.PostAsync(client, "subnets", "subnet", body), 400)).ShouldBe("InvalidInput");
        body["ipv6_address_mode"] = "slaac";
        (await Neutron.CreateAsync(client, "subnets", "subnet", body))["ipv6_ra_mode"]!.GetValue<string>().ShouldBe("slaac");
    }
}
