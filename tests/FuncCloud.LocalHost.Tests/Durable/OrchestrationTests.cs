using System.Diagnostics;
using FuncCloud.LocalHost.Tests.TestFunctions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Shouldly;
using Xunit;

namespace FuncCloud.LocalHost.Tests.Durable;

/// <summary>What orchestrator and activity functions can do when the local host runs them.</summary>
public sealed class OrchestrationTests(DurableHostFixture host) : IClassFixture<DurableHostFixture>
{
    private DurableTaskClient Client => host.DurableClient;

    [Fact]
    public async Task CallActivity_InputParameterBound_CompletesWithActivityResult()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.GreetOrchestrator), "Ada", timeout.Token);

        var instance = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        instance.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed);
        instance.ReadOutputAs<string>().ShouldBe("Hello Ada");
        instance.ReadInputAs<string>().ShouldBe("Ada");
    }

    [Fact]
    public async Task CallActivity_FailsTwiceUnderRetryPolicy_SucceedsOnThirdAttempt()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.RetryOrchestrator), new FlakyInput("flaky", FailuresBeforeSuccess: 2), timeout.Token);

        var instance = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        instance.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed);
        instance.ReadOutputAs<string>().ShouldBe("flaky succeeded on attempt 3");
        host.Probe.Count(id).ShouldBe(3);
    }

    [Fact]
    public async Task CallActivity_FailsMoreThanRetryPolicyAllows_FailsWithActivityError()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.RetryOrchestrator), new FlakyInput("hopeless", FailuresBeforeSuccess: 10), timeout.Token);

        var instance = await Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        instance.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Failed);
        host.Probe.Count(id).ShouldBe(4);
        instance.FailureDetails.ShouldNotBeNull().InnerFailure.ShouldNotBeNull().ErrorMessage.ShouldBe("attempt 4 of hopeless failed");
    }

    [Fact]
    public async Task CreateTimer_TwoSeconds_CompletesNoEarlierThanTheDelayAllows()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stopwatch = Stopwatch.StartNew();
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.TimerOrchestrator), 2, timeout.Token);

        var instance = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        // Timers ride on queue messages whose visibility delay is whole seconds: they may fire up to ~1 s early.
        instance.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed);
        stopwatch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        instance.ReadOutputAs<double>().ShouldBeGreaterThanOrEqualTo(1.0);
    }

    [Fact]
    public async Task WaitForExternalEvent_EventRaised_ReceivesTypedPayload()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.ApprovalOrchestrator), new ApprovalRequest("server-1", TimeoutSeconds: 60), timeout.Token);
        await Client.WaitForInstanceStartAsync(id, timeout.Token);

        await Client.RaiseEventAsync(id, DurableEvents.Approval, new ApprovalDecision("admin"), timeout.Token);
        var instance = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        instance.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed);
        instance.ReadOutputAs<string>().ShouldBe("server-1 approved by admin");
    }

    [Fact]
    public async Task WaitForExternalEvent_NoEventBeforeTimeout_TimesOut()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.ApprovalOrchestrator), new ApprovalRequest("server-2", TimeoutSeconds: 1), timeout.Token);

        var instance = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        instance.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed);
        instance.ReadOutputAs<string>().ShouldBe("server-2 timed out");
        instance.ReadCustomStatusAs<ApprovalStatus>().ShouldBe(new ApprovalStatus("timed-out", "server-2"));
    }

    [Fact]
    public async Task CallSubOrchestrator_GetInputOfRecord_ParentCollectsChildResults()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.FamilyOrchestrator), new GreetingRequest("Curie", ["Marie", "Pierre"]), timeout.Token);

        var instance = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        instance.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed);
        var output = instance.ReadOutputAs<FamilyGreeting>().ShouldNotBeNull();
        output.Family.ShouldBe("Curie");
        output.Greetings.ShouldBe(["Hello Marie", "Hello Pierre"]);
    }

    [Fact]
    public async Task CallSubOrchestrator_ChildReadsParent_SeesParentNameAndInstance()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.ParentOrchestrator), timeout.Token);

        var instance = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        instance.ReadOutputAs<string>().ShouldBe($"{nameof(DurableFunctions.ParentOrchestrator)}/{id}");
    }

    [Fact]
    public async Task SetCustomStatus_WhileWaiting_ClientReadsIt()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.ApprovalOrchestrator), new ApprovalRequest("server-3", TimeoutSeconds: 60), timeout.Token);

        var waiting = await WaitForCustomStatusAsync(id, timeout.Token);
        await Client.RaiseEventAsync(id, DurableEvents.Approval, new ApprovalDecision("ops"), timeout.Token);
        var done = await Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        waiting.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Running);
        waiting.ReadCustomStatusAs<ApprovalStatus>().ShouldBe(new ApprovalStatus("waiting", "server-3"));
        done.SerializedCustomStatus.ShouldNotBeNull().ShouldContain("decided");
        done.ReadCustomStatusAs<ApprovalStatus>().ShouldBe(new ApprovalStatus("decided", "server-3"));
    }

    [Fact]
    public async Task ActivityThrows_OrchestrationFailed_FailureDetailsCarryTypeAndMessage()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.FailingOrchestrator), "node-3", timeout.Token);

        var instance = await Client.WaitForInstanceCompletionAsync(id, timeout.Token);
        var fetched = await Client.GetInstanceAsync(id, timeout.Token);

        instance.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Failed);
        var failure = instance.FailureDetails.ShouldNotBeNull();
        failure.ErrorType.ShouldBe(typeof(TaskFailedException).FullName);
        failure.ErrorMessage.ShouldContain(nameof(DurableFunctions.ExplodingActivity));
        var cause = failure.InnerFailure.ShouldNotBeNull();
        cause.ErrorType.ShouldBe(typeof(InvalidOperationException).FullName);
        cause.ErrorMessage.ShouldBe("disk full on node-3");
        fetched.ShouldNotBeNull().FailureDetails.ShouldNotBeNull().InnerFailure.ShouldNotBeNull().ErrorMessage.ShouldBe("disk full on node-3");
    }

    [Fact]
    public async Task OrchestratorThrows_OrchestrationFailed_FailureDetailsCarryTypedException()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.ThrowingOrchestrator), "server-9", timeout.Token);

        var instance = await Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        instance.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Failed);
        var failure = instance.FailureDetails.ShouldNotBeNull();
        failure.ErrorType.ShouldBe(typeof(WorkflowFailedException).FullName);
        failure.ErrorMessage.ShouldBe("Workflow for server-9 failed: no host has room");
    }

    private Task<OrchestrationMetadata> WaitForCustomStatusAsync(string id, CancellationToken cancellationToken) =>
        Client.PollInstanceAsync(id, getInputsAndOutputs: false, i => i.SerializedCustomStatus is not null, cancellationToken);
}
