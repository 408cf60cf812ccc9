using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Shared.Compute.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace FuncCloud.Functions.Tests.Monitor;

/// <summary>
/// The compute path (identity, Glance, Nova, workflows, a Fake agent for node <c>local</c>) for the monitor's API
/// and browser tests, shared by both through one collection (one LocalHost instead of two on a 2-core machine).
/// </summary>
public sealed class MonitorFixture : ComputeHostFixture, IAsyncLifetime
{
    /// <summary>A flavor no node can hold (the scheduler's RamFilter rejects every host).</summary>
    public const string HugeFlavorId = "monitor-huge";

    // Two tests stop the agent and wait for the "why" to name the down node.
    protected override string NodeDownAfter => "00:00:06";

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/compute/v2.1/flavors")
        {
            Content = new StringContent($$$"""{"flavor": {"name": "huge", "id": "{{{HugeFlavorId}}}", "ram": 36864, "vcpus": 1, "disk": 1}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Auth-Token", await TokenAsync("admin", AdminPassword, "admin"));
        using var response = await Client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"flavor create: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        // The tests boot huge servers (as demo and as admin) that end in ERROR and still count against their
        // project's quota, as in nova: lift the instance, core and RAM quotas so later boots meet the scheduler.
        await LiftQuotaAsync("admin");
        await LiftQuotaAsync("demo");
    }

    private async Task LiftQuotaAsync(string project)
    {
        var token = await TokenAsync("admin", AdminPassword, "admin");
        using var find = new HttpRequestMessage(HttpMethod.Get, "/identity/v3/projects?name=" + project);
        find.Headers.Add("X-Auth-Token", token);
        using var found = await Client.SendAsync(find);
        var projects = System.Text.Json.Nodes.JsonNode.Parse(await found.Content.ReadAsStringAsync())?["projects"]?.AsArray();
        var projectId = projects?.FirstOrDefault()?["id"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"{project} project lookup: {(int)found.StatusCode}");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/compute/v2.1/os-quota-sets/" + projectId)
        {
            Content = new StringContent("""{"quota_set": {"instances": -1, "cores": -1, "ram": -1}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Auth-Token", token);
        using var response = await Client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"quota set: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Restarts the agent if a test stopped it and waits until node <c>local</c> is up again.</summary>
    public async Task EnsureNodeUpAsync()
    {
        var nodes = Services.GetRequiredService<ComputeNodeRepository>();
        var downAfter = Services.GetRequiredService<IOptions<ComputeNodeOptions>>().Value.DownAfter;
        var node = await nodes.GetAsync("local", CancellationToken.None);
        if (node is not null && node.IsUp(DateTimeOffset.UtcNow, downAfter))
        {
            return;
        }

        await StartAgentAsync();
        await Poll.UntilAsync(
            async () => (await nodes.GetAsync("local", CancellationToken.None))?.IsUp(DateTimeOffset.UtcNow, downAfter) == true,
            "node local to be up again",
            TimeSpan.FromSeconds(60));
    }
}

/// <summary>The monitor's API and browser tests share one host.</summary>
[CollectionDefinition(Name)]
public sealed class MonitorCollection : ICollectionFixture<MonitorFixture>
{
    public const string Name = "Monitor";
}
