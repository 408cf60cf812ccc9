using System.Net;
using System.Text.Json;
using FuncCloud.Agent.Compute.Fake;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Compute.Placement;
using FuncCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Compute.Servers;

/// <summary>One Fake node and a project quota roomy enough for every action test of the class.</summary>
public sealed class ServerActionFixture : ComputeHostFixture
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["FuncCloud:Compute:Quotas:Instances"] = "50";
            settings["FuncCloud:Compute:Quotas:Cores"] = "100";
            settings["FuncCloud:Compute:Quotas:Ram"] = "200000";
            return settings;
        }
    }
}

/// <summary>
/// Server actions end to end: the API admits them, the durable workflow drives the Fake agent, and both the
/// server's OS-EXT-STS fields and the driver's actual instance end where nova would leave them.
/// </summary>
public sealed class ServerActionTests(ServerActionFixture host) : IClassFixture<ServerActionFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private IDictionary<string, string> Demo => new Dictionary<string, string>(host.DemoEnvironment) { ["OS_COMPUTE_API_VERSION"] = "2.79" };

    private FakeComputeDriver Driver => host.Drivers.Get("local");

    [Fact]
    public async Task PauseUnpauseSuspendResume_ActiveServer_StatesAndDriverFollowEachStep()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var id = await BootActiveAsync(api, "pausable");

        await ActAsync(api, id, "{\"pause\": null}", HttpStatusCode.Accepted);
        var paused = await UntilStatusAsync(api, id, "PAUSED");
        AssertStates(paused, "paused", PowerState.Paused);
        (await InfoAsync(id)).PowerState.ShouldBe(PowerState.Paused);

        await ActAsync(api, id, "{\"unpause\": null}", HttpStatusCode.Accepted);
        AssertStates(await UntilStatusAsync(api, id, "ACTIVE"), "active", PowerState.Running);
        (await InfoAsync(id)).PowerState.ShouldBe(PowerState.Running);

        await ActAsync(api, id, "{\"suspend\": null}", HttpStatusCode.Accepted);
        AssertStates(await UntilStatusAsync(api, id, "SUSPENDED"), "suspended", PowerState.Suspended);
        (await InfoAsync(id)).PowerState.ShouldBe(PowerState.Suspended);

        await ActAsync(api, id, "{\"resume\": null}", HttpStatusCode.Accepted);
        AssertStates(await UntilStatusAsync(api, id, "ACTIVE"), "active", PowerState.Running);
        (await InfoAsync(id)).PowerState.ShouldBe(PowerState.Running);

        var events = await EventsAsync(api, id);
        events.Keys.ShouldBe(["create", "pause", "unpause", "suspend", "resume"], ignoreOrder: true);
        events["pause"].ShouldBe(["compute_pause_instance:Success"]);
        events["unpause"].ShouldBe(["compute_unpause_instance:Success"]);
        events["suspend"].ShouldBe(["compute_suspend_instance:Success"]);
        events["resume"].ShouldBe(["compute_resume_instance:Success"]);
    }

    [Fact]
    public async Task Lock_LockedServer_MemberActionsAre409UntilUnlocked()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var id = await BootActiveAsync(api, "lockable");
        var pauses = Driver.CallCount(FakeOperation.Pause);

        (await OpenStackCli.RunAsync(Demo, "server", "lock", "--reason", "maintenance", id)).ExitCode.ShouldBe(0);
        var locked = (await api.ShowAsync(id))!.Value;
        locked.GetProperty("locked").GetBoolean().ShouldBeTrue();
        locked.GetProperty("locked_reason").GetString().ShouldBe("maintenance");

        foreach (var action in new[] { "{\"pause\": null}", "{\"os-stop\": null}", "{\"reboot\": {\"type\": \"HARD\"}}" })
        {
            var refused = await ActAsync(api, id, action, HttpStatusCode.Conflict);
            refused.GetProperty("conflictingRequest").GetProperty("code").GetInt32().ShouldBe(409);
            refused.GetProperty("conflictingRequest").GetProperty("message").GetString().ShouldBe($"Instance {id} is locked");
        }

        using (var delete = await api.SendAsync(HttpMethod.Delete, $"/compute/v2.1/servers/{id}", null))
        {
            delete.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        AssertStates((await api.ShowAsync(id))!.Value, "active", PowerState.Running);
        Driver.CallCount(FakeOperation.Pause).ShouldBe(pauses);

        (await OpenStackCli.RunAsync(Demo, "server", "unlock", id)).ExitCode.ShouldBe(0);
        (await api.ShowAsync(id))!.Value.GetProperty("locked").GetBoolean().ShouldBeFalse();
        await ActAsync(api, id, "{\"pause\": null}", HttpStatusCode.Accepted);
        await UntilStatusAsync(api, id, "PAUSED");
        (await InfoAsync(id)).PowerState.ShouldBe(PowerState.Paused);
        var events = await EventsAsync(api, id);
        events.Keys.ShouldBe(["create", "lock", "unlock", "pause"], ignoreOrder: true);
        events["lock"].ShouldBeEmpty();
    }

    [Fact]
    public async Task Rebuild_ActiveServer_SameIdNewImageActiveAgain()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var id = await BootActiveAsync(api, "rebuildable");
        var before = Driver.CallCount(FakeOperation.Rebuild);

        var accepted = await ActAsync(api, id, $"{{\"rebuild\": {{\"imageRef\": \"{ComputeHostFixture.ImageId}\", \"name\": \"rebuilt\"}}}}", HttpStatusCode.Accepted);
        accepted.GetProperty("server").GetProperty("id").GetString().ShouldBe(id);

        var rebuilt = await UntilAsync(api, id, s => s.GetProperty("status").GetString() == "ACTIVE" && s.GetProperty("OS-EXT-STS:task_state").ValueKind == JsonValueKind.Null, "ACTIVE after rebuild");
        rebuilt.GetProperty("id").GetString().ShouldBe(id);
        rebuilt.GetProperty("name").GetString().ShouldBe("rebuilt");
        rebuilt.GetProperty("image").GetProperty("id").GetString().ShouldBe(ComputeHostFixture.ImageId);
        AssertStates(rebuilt, "active", PowerState.Running);
        Driver.CallCount(FakeOperation.Rebuild).ShouldBe(before + 1);
        (await InfoAsync(id)).PowerState.ShouldBe(PowerState.Running);
        (await EventsAsync(api, id))["rebuild"].ShouldBe(["compute_rebuild_instance:Success"]);
    }

    [Fact]
    public async Task ResizeConfirm_ToSmallFlavor_VerifyResizeThenNewFlavorAndOldAllocationReleased()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var id = await BootActiveAsync(api, "grower");

        await ActAsync(api, id, "{\"resize\": {\"flavorRef\": \"2\"}}", HttpStatusCode.Accepted);
        var verifying = await UntilStatusAsync(api, id, "VERIFY_RESIZE");
        verifying.GetProperty("OS-EXT-STS:vm_state").GetString().ShouldBe("resized");
        verifying.GetProperty("flavor").GetProperty("original_name").GetString().ShouldBe("m1.small");
        var pending = await UsageAsync();
        pending.Allocations[id].MemoryMb.ShouldBe(512);
        pending.Allocations[PlacementService.ResizeConsumer(id)].MemoryMb.ShouldBe(2048);
        var info = await InfoAsync(id);
        info.Flavor.Name.ShouldBe("m1.small");
        info.ResizePending.ShouldBeTrue();

        var confirm = await OpenStackCli.RunAsync(Demo, "server", "resize", "confirm", id);
        confirm.ExitCode.ShouldBe(0, confirm.ToString());
        var confirmed = await UntilStatusAsync(api, id, "ACTIVE");
        AssertStates(confirmed, "active", PowerState.Running);
        confirmed.GetProperty("flavor").GetProperty("original_name").GetString().ShouldBe("m1.small");
        var usage = await UsageAsync();
        usage.Allocations.Keys.ShouldNotContain(PlacementService.ResizeConsumer(id));
        usage.Allocations[id].MemoryMb.ShouldBe(2048);
        info = await InfoAsync(id);
        info.ResizePending.ShouldBeFalse();
        info.Flavor.Name.ShouldBe("m1.small");
        info.PowerState.ShouldBe(PowerState.Running);

        var events = await EventsAsync(api, id);
        events["resize"].ShouldBe(["conductor_migrate_server:Success", "compute_resize_instance:Success"], ignoreOrder: true);
        events["confirmResize"].ShouldBe(["compute_confirm_resize:Success"]);
    }

    [Fact]
    public async Task ResizeRevert_ToSmallFlavor_OldFlavorBackAndNewAllocationReleased()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var id = await BootActiveAsync(api, "regretter");

        await ActAsync(api, id, "{\"resize\": {\"flavorRef\": \"2\"}}", HttpStatusCode.Accepted);
        await UntilStatusAsync(api, id, "VERIFY_RESIZE");

        var revert = await OpenStackCli.RunAsync(Demo, "server", "resize", "revert", id);
        revert.ExitCode.ShouldBe(0, revert.ToString());
        var reverted = await UntilStatusAsync(api, id, "ACTIVE");
        AssertStates(reverted, "active", PowerState.Running);
        reverted.GetProperty("flavor").GetProperty("original_name").GetString().ShouldBe("m1.tiny");
        var usage = await UsageAsync();
        usage.Allocations.Keys.ShouldNotContain(PlacementService.ResizeConsumer(id));
        usage.Allocations[id].MemoryMb.ShouldBe(512);
        var info = await InfoAsync(id);
        info.ResizePending.ShouldBeFalse();
        info.Flavor.Name.ShouldBe("m1.tiny");
        info.PowerState.ShouldBe(PowerState.Running);
        (await EventsAsync(api, id))["revertResize"].ShouldBe(["compute_revert_resize:Success"]);
    }

    [Fact]
    public async Task ConsoleLogAndHardReboot_ActiveServer_OutputShownAndRebootedOnTheDriver()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var id = await BootActiveAsync(api, "talker");

        var log = await OpenStackCli.RunAsync(Demo, "console", "log", "show", id);
        log.ExitCode.ShouldBe(0, log.ToString());
        log.StandardOutput.Trim().ShouldNotBeEmpty();
        log.StandardOutput.TrimEnd('\n').ShouldBe(await Driver.GetConsoleOutputAsync(id, CancellationToken.None));

        var before = Driver.CallCount(FakeOperation.Reboot);
        var reboot = await OpenStackCli.RunAsync(Demo, "server", "reboot", "--hard", "--wait", id);
        reboot.ExitCode.ShouldBe(0, reboot.ToString());
        AssertStates(await UntilStatusAsync(api, id, "ACTIVE"), "active", PowerState.Running);
        Driver.CallCount(FakeOperation.Reboot).ShouldBe(before + 1);
        (await Driver.GetConsoleOutputAsync(id, CancellationToken.None)).ShouldContain("hard reboot");

        var events = await OpenStackCli.RunAsync(Demo, "server", "event", "list", id, "-f", "json");
        events.Json.EnumerateArray().Select(e => e.GetProperty("Action").GetString()).ShouldBe(["reboot", "create"], ignoreOrder: true);
        (await EventsAsync(api, id))["reboot"].ShouldBe(["compute_reboot_instance:Success"]);
    }

    [Fact]
    public async Task IllegalTransitions_WrongStateOrConcurrentAction_Are409InNovasShape()
    {
        var api = await ComputeApi.LoginAsync(host, host.DemoEnvironment);
        var id = await BootActiveAsync(api, "stubborn");

        var start = await ActAsync(api, id, "{\"os-start\": null}", HttpStatusCode.Conflict);
        start.GetProperty("conflictingRequest").GetProperty("message").GetString().ShouldBe($"Cannot 'start' instance {id} while it is in vm_state active");
        var confirm = await ActAsync(api, id, "{\"confirmResize\": null}", HttpStatusCode.Conflict);
        confirm.GetProperty("conflictingRequest").GetProperty("message").GetString().ShouldBe($"Cannot 'confirmResize' instance {id} while it is in vm_state active");
        var unpause = await ActAsync(api, id, "{\"unpause\": null}", HttpStatusCode.Conflict);
        unpause.GetProperty("conflictingRequest").GetProperty("code").GetInt32().ShouldBe(409);

        var before = Driver.CallCount(FakeOperation.Pause) + Driver.CallCount(FakeOperation.Suspend);
        var answers = await Task.WhenAll(
            api.SendAsync(HttpMethod.Post, $"/compute/v2.1/servers/{id}/action", "{\"pause\": null}"),
            api.SendAsync(HttpMethod.Post, $"/compute/v2.1/servers/{id}/action", "{\"suspend\": null}"));
        answers.Select(a => a.StatusCode).ShouldBe([HttpStatusCode.Accepted, HttpStatusCode.Conflict], ignoreOrder: true);
        var loser = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
        JsonDocument.Parse(await loser.Content.ReadAsStringAsync()).RootElement.GetProperty("conflictingRequest").GetProperty("code").GetInt32().ShouldBe(409);

        var settled = await UntilAsync(api, id, s => s.GetProperty("OS-EXT-STS:task_state").ValueKind == JsonValueKind.Null && s.GetProperty("status").GetString() != "ACTIVE", "the winning action");
        settled.GetProperty("status").GetString().ShouldBeOneOf("PAUSED", "SUSPENDED");
        (Driver.CallCount(FakeOperation.Pause) + Driver.CallCount(FakeOperation.Suspend)).ShouldBe(before + 1);
    }

    private static void AssertStates(JsonElement server, string vmState, PowerState power)
    {
        server.GetProperty("OS-EXT-STS:vm_state").GetString().ShouldBe(vmState);
        server.GetProperty("OS-EXT-STS:task_state").ValueKind.ShouldBe(JsonValueKind.Null);
        server.GetProperty("OS-EXT-STS:power_state").GetInt32().ShouldBe((int)power);
    }

    private async Task<string> BootActiveAsync(ComputeApi api, string name)
    {
        var id = await api.BootAsync(name);
        var settled = await api.WaitSettledAsync(id, Wait);
        settled.GetProperty("status").GetString().ShouldBe("ACTIVE");
        return id;
    }

    private static async Task<JsonElement> ActAsync(ComputeApi api, string id, string body, HttpStatusCode expected)
    {
        using var response = await api.SendAsync(HttpMethod.Post, $"/compute/v2.1/servers/{id}/action", body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"{body}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<JsonElement> UntilStatusAsync(ComputeApi api, string id, string status) =>
        UntilAsync(api, id, s => s.GetProperty("status").GetString() == status && s.GetProperty("OS-EXT-STS:task_state").ValueKind == JsonValueKind.Null, status);

    private static async Task<JsonElement> UntilAsync(ComputeApi api, string id, Func<JsonElement, bool> condition, string what)
    {
        JsonElement? last = null;
        await Poll.UntilAsync(async () =>
        {
            last = await api.ShowAsync(id);
            return last is { } s && condition(s);
        }, $"server {id}: {what} (last: {last?.GetProperty("status")})", Wait);
        return last!.Value;
    }

    private async Task<InstanceInfo> InfoAsync(string id) => await Driver.GetInstanceInfoAsync(id, CancellationToken.None);

    private async Task<NodeUsage> UsageAsync() => await host.Services.GetRequiredService<PlacementService>().GetUsageAsync("local", CancellationToken.None);

    /// <summary>Each instance action of the server with its events as <c>event:result</c>.</summary>
    private static async Task<Dictionary<string, List<string>>> EventsAsync(ComputeApi api, string id)
    {
        using var list = await api.SendAsync(HttpMethod.Get, $"/compute/v2.1/servers/{id}/os-instance-actions", null);
        var actions = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetProperty("instanceActions");
        var result = new Dictionary<string, List<string>>();
        foreach (var action in actions.EnumerateArray())
        {
            using var one = await api.SendAsync(HttpMethod.Get, $"/compute/v2.1/servers/{id}/os-instance-actions/{action.GetProperty("request_id").GetString()}", null);
            var events = JsonDocument.Parse(await one.Content.ReadAsStringAsync()).RootElement.GetProperty("instanceAction").GetProperty("events");
            result[action.GetProperty("action").GetString()!] = [.. events.EnumerateArray().Select(e => $"{e.GetProperty("event").GetString()}:{e.GetProperty("result").GetString()}")];
        }

        return result;
    }
}
