using System.Text.Json;
using FuncCloud.Agent.Compute.Fake;
using FuncCloud.Agent.Journal;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Compute;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Commands;

/// <summary>Commands through real queues (Azurite) into a running agent and results back.</summary>
public sealed class CommandProcessingTests
{
    private const string Node = "node-a";

    [Fact]
    public async Task Spawn_NewServer_PostsSuccessResultWithRunningInstance()
    {
        await using var host = await AgentTestHost.CreateAsync([Node]);
        await host.StartAsync();
        var command = Spawn("s1");

        await host.SendAsync(Node, command);
        var result = await host.WaitForResultAsync(command.CommandId);

        result.Success.ShouldBeTrue(result.Fault?.Message);
        result.NodeName.ShouldBe(Node);
        result.OrchestrationId.ShouldBe(command.OrchestrationId);
        result.EventName.ShouldBe(command.EventName);
        var output = result.ReadOutput<InstanceStateOutput>();
        output.Instance!.PowerState.ShouldBe(PowerState.Running);
        output.Recovered.ShouldBeFalse();
        (await host.Drivers.Get(Node).ListInstancesAsync(CancellationToken.None)).ShouldBe(["s1"]);
    }

    [Fact]
    public async Task Spawn_SameCommandIdRedelivered_ExecutesOnceAndResendsSameResult()
    {
        await using var host = await AgentTestHost.CreateAsync([Node]);
        await host.StartAsync();
        var command = Spawn("s1");
        await host.SendAsync(Node, command);
        var first = await host.WaitForResultAsync(command.CommandId);

        await host.SendAsync(Node, command);
        var all = await Poll.UntilAsync(async () =>
        {
            var results = await host.ResultsAfterAsync(command.CommandId, TimeSpan.FromMilliseconds(300));
            return results.Count >= 2 ? results : null;
        }, "the re-sent result");

        all.Count.ShouldBe(2);
        JsonSerializer.Serialize(all[1], AgentJson.Options).ShouldBe(JsonSerializer.Serialize(first, AgentJson.Options));
        host.Drivers.Get(Node).CallCount(FakeOperation.Spawn).ShouldBe(1);
    }

    [Fact]
    public async Task Spawn_CrashAfterDriverWorkBeforeCompleted_CompletesOnceOnRestart()
    {
        await using var host = await AgentTestHost.CreateAsync([Node]);
        var command = Spawn("s1");
        var payload = command.ReadPayload<SpawnCommand>();
        // The previous agent process journaled received + started, the driver built the instance, then it died.
        await using (var journal = await OpenJournalAsync(host))
        {
            await journal.RecordReceivedAsync(command, CancellationToken.None);
            await journal.RecordStartedAsync(command.CommandId, CancellationToken.None);
        }

        await host.Drivers.Get(Node).SpawnAsync(payload.Instance, CancellationToken.None);
        await host.SendAsync(Node, command); // the message reappears after its lease ran out

        await host.StartAsync();
        var result = await host.WaitForResultAsync(command.CommandId);
        var all = await host.ResultsAfterAsync(command.CommandId, TimeSpan.FromSeconds(1));

        result.Success.ShouldBeTrue(result.Fault?.Message);
        result.ReadOutput<InstanceStateOutput>().Recovered.ShouldBeTrue();
        all.Count.ShouldBe(1);
        host.Drivers.Get(Node).CallCount(FakeOperation.Spawn).ShouldBe(1);
        await host.StopAsync();
        await using var after = await OpenJournalAsync(host);
        after.Find(command.CommandId)!.Stage.ShouldBe(JournalStage.Completed);
    }

    [Fact]
    public async Task Spawn_CrashBeforeDriverWork_SpawnsOnceOnRestart()
    {
        await using var host = await AgentTestHost.CreateAsync([Node]);
        var command = Spawn("s1");
        await using (var journal = await OpenJournalAsync(host))
        {
            await journal.RecordReceivedAsync(command, CancellationToken.None);
            await journal.RecordStartedAsync(command.CommandId, CancellationToken.None);
        }

        await host.SendAsync(Node, command);
        await host.StartAsync();
        var result = await host.WaitForResultAsync(command.CommandId);

        result.Success.ShouldBeTrue(result.Fault?.Message);
        result.ReadOutput<InstanceStateOutput>().Instance!.PowerState.ShouldBe(PowerState.Running);
        host.Drivers.Get(Node).CallCount(FakeOperation.Spawn).ShouldBe(1);
    }

    [Fact]
    public async Task Spawn_InjectedDriverFailure_PostsReadableFaultAndLeavesNothing()
    {
        await using var host = await AgentTestHost.CreateAsync([Node]);
        host.Drivers.Get(Node).FailNextCall(FakeOperation.Spawn);
        await host.StartAsync();
        var command = Spawn("s1");

        await host.SendAsync(Node, command);
        var result = await host.WaitForResultAsync(command.CommandId);

        result.Success.ShouldBeFalse();
        result.Output.ShouldBeNull();
        result.Fault!.Code.ShouldBe(AgentFaultCodes.DriverError);
        result.Fault.Step.ShouldBe("driver.spawn");
        result.Fault.Message.ShouldContain("s1");
        result.Fault.Message.ShouldContain(Node);
        result.Fault.Message.ShouldContain("injected a failure into Spawn");
        (await host.Drivers.Get(Node).ListInstancesAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PowerCommands_Sequence_EachResultCarriesTheNewState()
    {
        await using var host = await AgentTestHost.CreateAsync([Node]);
        await host.StartAsync();
        await host.SendAsync(Node, Spawn("s1"));
        await host.WaitForResultAsync("op:spawn:s1");

        var expectations = new (AgentCommand Command, PowerState State)[]
        {
            (Create("pause", new PauseCommand("s1")), PowerState.Paused),
            (Create("unpause", new UnpauseCommand("s1")), PowerState.Running),
            (Create("suspend", new SuspendCommand("s1")), PowerState.Suspended),
            (Create("resume", new ResumeCommand("s1")), PowerState.Running),
            (Create("stop", new PowerOffCommand("s1", 0)), PowerState.Shutdown),
            (Create("stop-again", new PowerOffCommand("s1", 0)), PowerState.Shutdown),
            (Create("start", new PowerOnCommand("s1")), PowerState.Running),
            (Create("reboot", new RebootCommand("s1", RebootType.Hard)), PowerState.Running),
        };
        foreach (var (command, state) in expectations)
        {
            await host.SendAsync(Node, command);
            var result = await host.WaitForResultAsync(command.CommandId);
            result.Success.ShouldBeTrue($"{command.Kind}: {result.Fault?.Message}");
            result.ReadOutput<InstanceStateOutput>().Instance!.PowerState.ShouldBe(state, command.Kind);
        }

        host.Drivers.Get(Node).CallCount(FakeOperation.PowerOff).ShouldBe(1); // the second stop found it off
    }

    [Fact]
    public async Task ResizeThenConfirm_OnSameNode_NewFlavorAndConsoleOutputWork()
    {
        await using var host = await AgentTestHost.CreateAsync([Node]);
        await host.StartAsync();
        await host.SendAsync(Node, Spawn("s1"));
        await host.WaitForResultAsync("op:spawn:s1");

        var resize = Create("resize", new ResizeCommand("s1", TestInstances.Small));
        await host.SendAsync(Node, resize);
        var resized = (await host.WaitForResultAsync(resize.CommandId)).ReadOutput<InstanceStateOutput>().Instance!;
        var confirm = Create("confirm", new ConfirmResizeCommand("s1"));
        await host.SendAsync(Node, confirm);
        var confirmed = (await host.WaitForResultAsync(confirm.CommandId)).ReadOutput<InstanceStateOutput>().Instance!;
        var console = Create("console", new GetConsoleOutputCommand("s1", 1));
        await host.SendAsync(Node, console);
        var output = (await host.WaitForResultAsync(console.CommandId)).ReadOutput<ConsoleOutput>();

        resized.ShouldBe(new InstanceInfo("s1", PowerState.Running, TestInstances.Small, TestInstances.Tiny));
        confirmed.ShouldBe(new InstanceInfo("s1", PowerState.Running, TestInstances.Small));
        output.Output.ShouldBe("fake login: ");
    }

    [Fact]
    public async Task Command_AfterDeadlineOrUnknownKindOrMissingServer_FailsWithFault()
    {
        await using var host = await AgentTestHost.CreateAsync([Node]);
        await host.StartAsync();
        var late = Spawn("s1") with { CommandId = "late", Deadline = DateTimeOffset.UtcNow.AddMinutes(-1) };
        var unknown = Spawn("s2") with { CommandId = "unknown", Kind = "live-migrate" };
        var missing = Create("pause-missing", new PauseCommand("nope"));

        await host.SendAsync(Node, late);
        await host.SendAsync(Node, unknown);
        await host.SendAsync(Node, missing);

        (await host.WaitForResultAsync("late")).Fault!.Code.ShouldBe(AgentFaultCodes.DeadlineExceeded);
        (await host.WaitForResultAsync("unknown")).Fault!.Code.ShouldBe(AgentFaultCodes.UnsupportedCommand);
        var notFound = await host.WaitForResultAsync(missing.CommandId);
        notFound.Fault!.Code.ShouldBe(AgentFaultCodes.InstanceNotFound);
        notFound.Fault.Message.ShouldContain("nope");
        host.Drivers.Get(Node).CallCount(FakeOperation.Spawn).ShouldBe(0);
    }

    [Fact]
    public async Task Destroy_ThenDestroyAgain_BothSucceed()
    {
        await using var host = await AgentTestHost.CreateAsync([Node]);
        await host.StartAsync();
        await host.SendAsync(Node, Spawn("s1"));
        await host.WaitForResultAsync("op:spawn:s1");

        var first = Create("destroy-1", new DestroyCommand("s1"));
        var second = Create("destroy-2", new DestroyCommand("s1"));
        await host.SendAsync(Node, first);
        await host.SendAsync(Node, second);

        (await host.WaitForResultAsync(first.CommandId)).Success.ShouldBeTrue();
        var again = await host.WaitForResultAsync(second.CommandId);
        again.Success.ShouldBeTrue();
        again.ReadOutput<InstanceStateOutput>().Instance.ShouldBeNull();
    }

    internal static AgentCommand Spawn(string serverId) =>
        AgentCommand.Create($"op:spawn:{serverId}", $"op-{serverId}", $"agent-result:spawn", new SpawnCommand(TestInstances.New(serverId)), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5));

    private static AgentCommand Create<T>(string step, T payload)
        where T : IAgentCommandPayload =>
        AgentCommand.Create($"op:{step}", "op", $"agent-result:{step}", payload, DateTimeOffset.UtcNow);

    private static Task<CommandJournal> OpenJournalAsync(AgentTestHost host) =>
        CommandJournal.OpenAsync(Path.Combine(host.StateFolder, Node), TimeSpan.FromDays(1), true, TimeProvider.System, NullLogger.Instance, CancellationToken.None);
}
