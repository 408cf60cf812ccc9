using System.Text.Json;
using FuncCloud.Functions.Compute.Agents;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Compute.Placement;
using FuncCloud.Shared.Compute.Servers;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Agents;

/// <summary>One Fake node whose agent reports its instances' power states every second.</summary>
public sealed class FastReconcileFixture : ComputeHostFixture
{
    public override IReadOnlyList<string> Nodes => ["sync"];

    protected override IDictionary<string, string?> AgentSettings => new Dictionary<string, string?>
    {
        ["FuncCloud:Agent:ReconcileInterval"] = "00:00:01",
    };
}

/// <summary>nova's <c>_sync_power_states</c>: the hypervisor's truth corrects the database, never the other way round.</summary>
public sealed class PowerStateSyncTests(FastReconcileFixture host) : IClassFixture<FastReconcileFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Reconcile_GuestShutDownBehindTheControlPlanesBack_ServerBecomesShutoff()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var id = await api.BootAsync("self-stopper");
        (await api.WaitSettledAsync(id, Wait)).GetProperty("status").GetString().ShouldBe("ACTIVE");

        host.Drivers.Get("sync").SetPowerState(id, PowerState.Shutdown);

        JsonElement? shown = null;
        await Poll.UntilAsync(async () =>
        {
            shown = await api.ShowAsync(id);
            return shown?.GetProperty("status").GetString() == "SHUTOFF";
        }, "the power sync to stop the server", Wait);
        shown!.Value.GetProperty("OS-EXT-STS:vm_state").GetString().ShouldBe("stopped");
        shown.Value.GetProperty("OS-EXT-STS:power_state").GetInt32().ShouldBe(4);
        shown.Value.GetProperty("OS-EXT-STS:task_state").ValueKind.ShouldBe(JsonValueKind.Null);

        // The corrected server is a normal stopped server: start brings the guest back.
        using var start = await api.SendAsync(HttpMethod.Post, $"/compute/v2.1/servers/{id}/action", "{\"os-start\": null}");
        start.StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted);
        await Poll.UntilAsync(async () => (await api.ShowAsync(id))?.GetProperty("status").GetString() == "ACTIVE", "the server to start", Wait);
        (await host.Drivers.Get("sync").GetInstanceInfoAsync(id, CancellationToken.None)).PowerState.ShouldBe(PowerState.Running);
    }

    [Fact]
    public async Task Reconcile_InstanceGoneFromItsNode_ServerErrorWithFaultAndPlacementReleased()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var id = await api.BootAsync("forgotten");
        (await api.WaitSettledAsync(id, Wait)).GetProperty("status").GetString().ShouldBe("ACTIVE");
        var placement = host.Services.GetRequiredService<PlacementService>();
        (await placement.GetUsageAsync("sync", CancellationToken.None)).Allocations.ShouldContainKey(id);

        // The hypervisor lost the guest (a host that forgot its domains).
        await host.Drivers.Get("sync").DestroyAsync(id, CancellationToken.None);

        JsonElement? shown = null;
        await Poll.UntilAsync(async () =>
        {
            shown = await api.ShowAsync(id);
            return shown?.GetProperty("status").GetString() == "ERROR";
        }, "the power sync to mark the lost server", Wait);
        shown!.Value.GetProperty("fault").GetProperty("message").GetString().ShouldBe($"Instance {id} was not found on host sync.");
        shown.Value.GetProperty("OS-EXT-STS:power_state").GetInt32().ShouldBe(0);

        // The release follows the state change (same sync pass): wait for it rather than race it.
        await Poll.UntilAsync(async () => !(await placement.GetUsageAsync("sync", CancellationToken.None)).Allocations.ContainsKey(id), "placement to release the lost server", Wait);

        // A clear state: delete removes it.
        using var deleted = await api.SendAsync(HttpMethod.Delete, $"/compute/v2.1/servers/{id}", null);
        deleted.StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        await Poll.UntilAsync(async () => await api.ShowAsync(id) is null, "the lost server to be deleted", Wait);
    }

    [Fact]
    public async Task ApplyAsync_ReportOlderThanTheServersLastChange_IsIgnored()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var id = await api.BootAsync("fresh");
        (await api.WaitSettledAsync(id, Wait)).GetProperty("status").GetString().ShouldBe("ACTIVE");
        var servers = host.Services.GetRequiredService<ServerRepository>();
        var server = (await servers.FindAsync(id, CancellationToken.None))!;

        // Read by the agent before the server's last change (e.g. before a start completed), delivered after it.
        var stale = new PowerStateReport(PowerStateReport.EventKind, "sync", server.UpdatedAt.AddSeconds(-5), [new InstancePowerState(id, PowerState.Shutdown, true, false)]);
        await host.Services.GetRequiredService<PowerStateSync>().ApplyAsync(stale, CancellationToken.None);

        var after = (await servers.FindAsync(id, CancellationToken.None))!;
        after.VmState.ShouldBe(VmStates.Active);
        after.PowerState.ShouldBe(PowerState.Running);
    }
}
