using DurableTask.Core.Exceptions;
using FuncCloud.LocalHost.Durable;
using FuncCloud.LocalHost.Tests.TestFunctions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Shouldly;
using Xunit;

namespace FuncCloud.LocalHost.Tests.Durable;

/// <summary>The DurableTaskClient adapter: instance lifecycle, queries, purge, history and restart.</summary>
public sealed class DurableTaskClientTests(DurableHostFixture host) : IClassFixture<DurableHostFixture>
{
    private DurableTaskClient Client => host.DurableClient;

    [Fact]
    public async Task GetInstanceAsync_UnknownId_ReturnsNull()
    {
        (await Client.GetInstanceAsync("no-such-instance")).ShouldBeNull();
    }

    [Fact]
    public async Task ScheduleNew_SameIdWhileRunning_RefusedAndFirstRunsOnce()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = "server-" + Guid.NewGuid().ToString("N");
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.ProvisionOrchestrator), new ProvisionRequest(id), new StartOrchestrationOptions(id), timeout.Token);

        await Should.ThrowAsync<OrchestrationAlreadyExistsException>(() =>
            Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.ProvisionOrchestrator), new ProvisionRequest(id), new StartOrchestrationOptions(id), timeout.Token));
        await Client.RaiseEventAsync(id, DurableEvents.Continue, "go", timeout.Token);
        var instance = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        instance.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed);
        instance.ReadOutputAs<string>().ShouldBe($"{id} provisioned");
        host.Probe.Count(id).ShouldBe(1);
    }

    [Fact]
    public async Task ScheduleNew_SameIdAfterCompletion_RunsAgain()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = "greet-" + Guid.NewGuid().ToString("N");
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.GreetOrchestrator), "first", new StartOrchestrationOptions(id), timeout.Token);
        await Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.GreetOrchestrator), "second", new StartOrchestrationOptions(id), timeout.Token);
        var instance = await WaitForOutputAsync(id, "Hello second", timeout.Token);

        instance.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed);
    }

    [Fact]
    public async Task ScheduleNew_StartAtInFuture_PendingUntilThen()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var startAt = DateTimeOffset.UtcNow.AddSeconds(3);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.GreetOrchestrator), "later", new StartOrchestrationOptions(StartAt: startAt), timeout.Token);

        var pending = await Client.GetInstanceAsync(id, timeout.Token);
        var completed = await Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        pending.ShouldNotBeNull().RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Pending);
        completed.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed);
        DateTimeOffset.UtcNow.ShouldBeGreaterThanOrEqualTo(startAt.AddSeconds(-1));
    }

    [Fact]
    public async Task SuspendResume_EventRaisedWhileSuspended_CompletesOnlyAfterResume()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await StartWaitingAsync(timeout.Token);

        await Client.SuspendInstanceAsync(id, "maintenance", timeout.Token);
        await WaitForStatusAsync(id, OrchestrationRuntimeStatus.Suspended, timeout.Token);
        await Client.RaiseEventAsync(id, DurableEvents.Continue, "go", timeout.Token);
        await Task.Delay(TimeSpan.FromSeconds(1.5), timeout.Token);
        var whileSuspended = await Client.GetInstanceAsync(id, timeout.Token);
        await Client.ResumeInstanceAsync(id, "done", timeout.Token);
        var instance = await Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        whileSuspended.ShouldNotBeNull().RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Suspended);
        instance.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed);
    }

    [Fact]
    public async Task TerminateInstance_Running_TerminatedWithOutput()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await StartWaitingAsync(timeout.Token);

        await Client.TerminateInstanceAsync(id, "cancelled by user", timeout.Token);
        var instance = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        instance.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Terminated);
        instance.ReadOutputAs<string>().ShouldBe("cancelled by user");
    }

    [Fact]
    public async Task PurgeInstance_Completed_InstanceGone()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await RunGreetingAsync("purged", timeout.Token);

        var result = await Client.PurgeInstanceAsync(id, timeout.Token);

        result.PurgedInstanceCount.ShouldBe(1);
        (await Client.GetInstanceAsync(id, timeout.Token)).ShouldBeNull();
    }

    [Fact]
    public async Task PurgeInstance_Running_PurgesNothing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await StartWaitingAsync(timeout.Token);

        var result = await Client.PurgeInstanceAsync(id, timeout.Token);

        result.PurgedInstanceCount.ShouldBe(0);
        (await Client.GetInstanceAsync(id, timeout.Token)).ShouldNotBeNull().RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Running);
        await Client.TerminateInstanceAsync(id, cancellation: timeout.Token);
    }

    [Fact]
    public async Task PurgeAllInstances_CreatedAfterAndCompleted_PurgesOnlyThose()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var completed = await RunGreetingAsync("bulk", timeout.Token);
        var running = await StartWaitingAsync(timeout.Token);

        var result = await Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(since, null, [OrchestrationRuntimeStatus.Completed]), timeout.Token);

        result.PurgedInstanceCount.ShouldBeGreaterThanOrEqualTo(1);
        (await Client.GetInstanceAsync(completed, timeout.Token)).ShouldBeNull();
        (await Client.GetInstanceAsync(running, timeout.Token)).ShouldNotBeNull();
        await Client.TerminateInstanceAsync(running, cancellation: timeout.Token);
    }

    [Fact]
    public async Task GetAllInstances_StatusFilterAndPrefix_ReturnsOnlyMatchingAcrossPages()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var prefix = "query-" + Guid.NewGuid().ToString("N")[..8] + "-";
        string[] done = [await RunGreetingAsync("q1", timeout.Token, prefix + "a"), await RunGreetingAsync("q2", timeout.Token, prefix + "b")];
        var running = await StartWaitingAsync(timeout.Token, prefix + "c");

        var completed = await ToListAsync(Client.GetAllInstancesAsync(new OrchestrationQuery
        {
            InstanceIdPrefix = prefix,
            Statuses = [OrchestrationRuntimeStatus.Completed],
            PageSize = 1,
        }), timeout.Token);
        var active = await ToListAsync(Client.GetAllInstancesAsync(new OrchestrationQuery
        {
            InstanceIdPrefix = prefix,
            Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending],
        }), timeout.Token);

        completed.Select(i => i.InstanceId).Order().ShouldBe(done);
        completed.ShouldAllBe(i => i.Name == nameof(DurableFunctions.GreetOrchestrator));
        active.Select(i => i.InstanceId).ShouldBe([running]);
        await Client.TerminateInstanceAsync(running, cancellation: timeout.Token);
    }

    [Fact]
    public async Task GetHistory_ActivityOrchestration_ListsTaskScheduledAndCompleted()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await RunGreetingAsync("history", timeout.Token);
        var reader = host.Services.GetRequiredService<IOrchestrationHistoryReader>();

        var history = await reader.GetHistoryAsync(id, timeout.Token);
        var coreHistory = await Client.GetOrchestrationHistoryAsync(id, timeout.Token);

        history.First(e => e.EventType == "ExecutionStarted").Name.ShouldBe(nameof(DurableFunctions.GreetOrchestrator));
        var scheduled = history.Single(e => e.EventType == "TaskScheduled");
        scheduled.Name.ShouldBe(nameof(DurableFunctions.SayHello));
        var completed = history.Single(e => e.EventType == "TaskCompleted");
        completed.TaskScheduledId.ShouldBe(scheduled.EventId);
        completed.Result.ShouldBe("\"Hello history\"");
        var end = history.Single(e => e.EventType == "ExecutionCompleted");
        end.Status.ShouldBe(nameof(OrchestrationRuntimeStatus.Completed));
        history.Select(e => e.EventType).ShouldBe(coreHistory.Select(e => e.EventType.ToString()));
        coreHistory.Count.ShouldBe(history.Count);
    }

    [Fact]
    public async Task GetHistory_FailedActivity_TaskFailedCarriesFailure()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.FailingOrchestrator), "node-7", timeout.Token);
        await Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        var history = await host.Services.GetRequiredService<IOrchestrationHistoryReader>().GetHistoryAsync(id, timeout.Token);

        var failed = history.Single(e => e.EventType == "TaskFailed");
        failed.Failure.ShouldNotBeNull().ErrorType.ShouldBe(typeof(InvalidOperationException).FullName);
        failed.Failure.ErrorMessage.ShouldBe("disk full on node-7");
        history.Single(e => e.EventType == "ExecutionCompleted").Status.ShouldBe(nameof(OrchestrationRuntimeStatus.Failed));
    }

    [Fact]
    public async Task GetHistory_UnknownId_ThrowsArgumentException()
    {
        await Should.ThrowAsync<ArgumentException>(() => host.Services.GetRequiredService<IOrchestrationHistoryReader>().GetHistoryAsync("no-such-instance"));
    }

    [Fact]
    public async Task RestartAsync_NewInstanceId_RerunsWithOriginalInput()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await RunGreetingAsync("again", timeout.Token);

        var newId = await Client.RestartAsync(id, restartWithNewInstanceId: true, timeout.Token);
        var instance = await Client.WaitForInstanceCompletionAsync(newId, getInputsAndOutputs: true, timeout.Token);

        newId.ShouldNotBe(id);
        instance.Name.ShouldBe(nameof(DurableFunctions.GreetOrchestrator));
        instance.ReadInputAs<string>().ShouldBe("again");
        instance.ReadOutputAs<string>().ShouldBe("Hello again");
    }

    [Fact]
    public async Task RestartAsync_SameIdAfterFailure_RunsAgainUnderSameId()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.RetryOrchestrator), new FlakyInput("restart", FailuresBeforeSuccess: 4), timeout.Token);
        (await Client.WaitForInstanceCompletionAsync(id, timeout.Token)).RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Failed);

        var sameId = await Client.RestartAsync(id, restartWithNewInstanceId: false, timeout.Token);
        var instance = await WaitForStatusAsync(id, OrchestrationRuntimeStatus.Completed, timeout.Token);

        // Attempts 1-4 failed the first run; the restart's first attempt (the 5th) succeeds.
        sameId.ShouldBe(id);
        instance.ReadOutputAs<string>().ShouldBe("restart succeeded on attempt 5");
    }

    [Fact]
    public async Task RestartAsync_SameIdWhileRunning_Throws()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var id = await StartWaitingAsync(timeout.Token);

        await Should.ThrowAsync<InvalidOperationException>(() => Client.RestartAsync(id, restartWithNewInstanceId: false, timeout.Token));
        await Client.TerminateInstanceAsync(id, cancellation: timeout.Token);
    }

    private async Task<string> RunGreetingAsync(string name, CancellationToken cancellationToken, string? instanceId = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.GreetOrchestrator), name, new StartOrchestrationOptions(instanceId), cancellationToken);
        (await Client.WaitForInstanceCompletionAsync(id, cancellationToken)).RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed);
        return id;
    }

    /// <summary>Starts an orchestration that waits for <see cref="DurableEvents.Continue"/>, and waits until it runs.</summary>
    private async Task<string> StartWaitingAsync(CancellationToken cancellationToken, string? instanceId = null)
    {
        instanceId ??= "wait-" + Guid.NewGuid().ToString("N");
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DurableFunctions.ProvisionOrchestrator), new ProvisionRequest(instanceId), new StartOrchestrationOptions(instanceId), cancellationToken);
        await WaitForStatusAsync(instanceId, OrchestrationRuntimeStatus.Running, cancellationToken);
        return instanceId;
    }

    private Task<OrchestrationMetadata> WaitForStatusAsync(string id, OrchestrationRuntimeStatus status, CancellationToken cancellationToken) =>
        Client.PollInstanceAsync(id, getInputsAndOutputs: true, i => i.RuntimeStatus == status, cancellationToken);

    private Task<OrchestrationMetadata> WaitForOutputAsync(string id, string output, CancellationToken cancellationToken) =>
        Client.PollInstanceAsync(id, getInputsAndOutputs: true, i => i.SerializedOutput is not null && i.ReadOutputAs<string>() == output, cancellationToken);

    private static async Task<List<OrchestrationMetadata>> ToListAsync(AsyncPageable<OrchestrationMetadata> pageable, CancellationToken cancellationToken)
    {
        var list = new List<OrchestrationMetadata>();
        await foreach (var item in pageable.WithCancellation(cancellationToken))
        {
            list.Add(item);
        }

        return list;
    }
}
