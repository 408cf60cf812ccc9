using System.Net;
using System.Text.Json;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Scheduling;

/// <summary>
/// Three Fake nodes; the first test to run creates (through the CLI, as an operator would) aggregate <c>fast</c>
/// (<c>ssd=true</c>, host <c>agg-ssd</c>), zone aggregate <c>zone1</c> (<c>availability_zone=az1</c>, host
/// <c>agg-az1</c>) and flavor <c>ssd.tiny</c> (<c>aggregate_instance_extra_specs:ssd=true</c>).
/// </summary>
public sealed class AggregateNodesFixture : ComputeHostFixture
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _ready;

    public override IReadOnlyList<string> Nodes => ["agg-ssd", "agg-az1", "agg-plain"];

    /// <summary>The admin's CLI environment at microversion 2.79.</summary>
    public IDictionary<string, string> Admin => new Dictionary<string, string>(AdminEnvironment) { ["OS_COMPUTE_API_VERSION"] = "2.79" };

    public async Task EnsureAggregatesAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_ready)
            {
                return;
            }

            await CliAsync("aggregate", "create", "fast");
            await CliAsync("aggregate", "set", "--property", "ssd=true", "fast");
            await CliAsync("aggregate", "add", "host", "fast", "agg-ssd");
            await CliAsync("aggregate", "create", "--zone", "az1", "zone1");
            await CliAsync("aggregate", "add", "host", "zone1", "agg-az1");
            await CliAsync("flavor", "create", "--ram", "512", "--disk", "1", "--vcpus", "1", "--property", "aggregate_instance_extra_specs:ssd=true", "ssd.tiny");
            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CliAsync(params string[] args)
    {
        var result = await OpenStackCli.RunAsync(Admin, args);
        result.ExitCode.ShouldBe(0, result.ToString());
    }
}

/// <summary>os-aggregates' metadata and zones steer the filter scheduler (AggregateInstanceExtraSpecsFilter, AvailabilityZoneFilter).</summary>
public sealed class AggregateSchedulingTests(AggregateNodesFixture host) : IClassFixture<AggregateNodesFixture>
{
    [Fact]
    public async Task Boot_FlavorWantsSsd_LandsOnlyOnTheSsdAggregatesHost()
    {
        await host.EnsureAggregatesAsync();
        var demo = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var flavor = await FlavorIdAsync("ssd.tiny");

        var ids = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => demo.BootAsync($"ssd-{i}", flavor)));

        foreach (var id in ids)
        {
            (await demo.WaitSettledAsync(id, TimeSpan.FromSeconds(60))).GetProperty("status").GetString().ShouldBe("ACTIVE");
            (await HostOfAsync(id)).ShouldBe("agg-ssd");
        }
    }

    [Fact]
    public async Task Boot_AvailabilityZoneAz1_LandsOnTheZoneAggregatesHost()
    {
        await host.EnsureAggregatesAsync();
        var environment = new Dictionary<string, string>(host.DemoEnvironment) { ["OS_COMPUTE_API_VERSION"] = "2.79" };

        for (var i = 1; i <= 3; i++)
        {
            var created = await OpenStackCli.RunAsync(environment, "server", "create", "--flavor", "m1.tiny", "--image", ComputeHostFixture.ImageId,
                "--nic", "none", "--availability-zone", "az1", "--wait", $"zoned-{i}", "-f", "json");
            created.ExitCode.ShouldBe(0, created.ToString());
            created.Json.GetProperty("OS-EXT-AZ:availability_zone").GetString().ShouldBe("az1");
            (await HostOfAsync(created.Json.GetProperty("id").GetString()!)).ShouldBe("agg-az1");
        }
    }

    [Fact]
    public async Task Boot_Az1WithSsdFlavor_NoHostFitsErrorFaultNamesTheFilter()
    {
        await host.EnsureAggregatesAsync();
        var demo = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var body = $"{{\"server\": {{\"name\": \"nowhere\", \"flavorRef\": \"{await FlavorIdAsync("ssd.tiny")}\", \"imageRef\": \"{ComputeHostFixture.ImageId}\", \"networks\": \"none\", \"availability_zone\": \"az1\"}}}}";

        using var response = await demo.SendAsync(HttpMethod.Post, "/compute/v2.1/servers", body);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("server").GetProperty("id").GetString()!;
        var settled = await demo.WaitSettledAsync(id, TimeSpan.FromSeconds(60));
        settled.GetProperty("status").GetString().ShouldBe("ERROR");
        var fault = settled.GetProperty("fault").GetProperty("message").GetString()!;
        fault.ShouldStartWith("No valid host was found.");
        fault.ShouldContain("AggregateInstanceExtraSpecsFilter");
    }

    [Fact]
    public async Task Boot_ZoneNoEnabledHostIsIn_Is400NotAvailable()
    {
        await host.EnsureAggregatesAsync();
        var demo = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var body = $"{{\"server\": {{\"name\": \"lost\", \"flavorRef\": \"1\", \"imageRef\": \"{ComputeHostFixture.ImageId}\", \"networks\": \"none\", \"availability_zone\": \"az-nowhere\"}}}}";

        using var response = await demo.SendAsync(HttpMethod.Post, "/compute/v2.1/servers", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The requested availability zone is not available");
    }

    private async Task<string> FlavorIdAsync(string name) =>
        (await OpenStackCli.RunAsync(host.Admin, "flavor", "show", name, "-f", "json")).Json.GetProperty("id").GetString()!;

    private async Task<string?> HostOfAsync(string serverId)
    {
        var admin = await ComputeApi.LoginAsync(host, host.AdminEnvironment);
        return (await admin.ShowAsync(serverId))?.GetProperty("OS-EXT-SRV-ATTR:host").GetString();
    }
}
