using System.Net;
using System.Net.Http.Json;
using Azure.Storage.Queues;
using FuncCloud.LocalHost.Tests.Queues;
using FuncCloud.LocalHost.Tests.TestFunctions;
using FuncCloud.Shared.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace FuncCloud.LocalHost.Tests.Replicas;

/// <summary>Queue, timer and HTTP triggers of two replicas sharing one storage account and task hub.</summary>
public sealed class ReplicaTriggerTests(ReplicaPairFixture replicas, ITestOutputHelper output) : IClassFixture<ReplicaPairFixture>
{
    [Fact]
    public async Task QueueTrigger_FiftyMessagesBothReplicasPumping_EachProcessedExactlyOnceBySomeOfBoth()
    {
        var pair = replicas.Pair;
        var name = pair.A.Services.GetRequiredService<StorageNames>().Queue(ReplicaQueues.Work);
        var queue = new QueueClient(pair.A.Services.GetRequiredService<IConfiguration>()["AzureWebJobsStorage"], name, new QueueClientOptions
        {
            MessageEncoding = QueueMessageEncoding.Base64,
        });
        await queue.CreateIfNotExistsAsync();
        var keys = Enumerable.Range(0, 50).Select(i => $"msg-{i:D2}-{Guid.NewGuid():N}").ToList();

        await Task.WhenAll(keys.Select(k => queue.SendMessageAsync(k)));
        (await Eventually.TrueAsync(() => Task.FromResult(Processed().Select(w => w.Key).Distinct().Count() == keys.Count), TimeSpan.FromSeconds(45)))
            .ShouldBeTrue("all messages processed");

        // A second delivery would come after the in-flight lease of a message; give it a moment to show.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var processed = Processed();
        output.WriteLine(string.Join(", ", processed.GroupBy(w => w.Replica).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}")));
        processed.GroupBy(w => w.Key).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("no message processed twice");
        processed.Count.ShouldBe(keys.Count);
        processed.Select(w => w.Replica).Distinct().Order().ToArray().ShouldBe(["A", "B"], ignoreOrder: false, "both replicas pumped the queue");
        (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount.ShouldBe(0);

        List<ReplicaWork> Processed() => pair.Ledger.Of(ReplicaWorkKind.QueueMessage).Where(w => keys.Contains(w.Key)).ToList();
    }

    [Fact]
    public async Task TimerTrigger_EverySecondOnBothReplicas_EachOccurrenceRunsOnce()
    {
        var pair = replicas.Pair;
        var started = DateTimeOffset.UtcNow;

        (await Eventually.TrueAsync(() => Task.FromResult(Since(started).Count >= 6), TimeSpan.FromSeconds(20)))
            .ShouldBeTrue("the timer kept running on its schedule");

        // Both replicas have run the occurrences just recorded, or skipped them as not the leader, by now.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var runs = Since(started);
        output.WriteLine(string.Join(", ", runs.Select(r => $"{r.Replica}:{r.Key[11..19]}")));
        runs.GroupBy(r => r.Key).Where(g => g.Count() > 1).Select(g => $"{g.Key} on {string.Join("+", g.Select(r => r.Replica))}")
            .ShouldBeEmpty("no occurrence ran on both replicas");
        (runs[^1].At - runs[0].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4));

        List<ReplicaWork> Since(DateTimeOffset at) => pair.Ledger.Of(ReplicaWorkKind.TimerOccurrence).Where(w => w.At >= at).ToList();
    }

    [Fact]
    public async Task TimerTrigger_LeaderStopped_OtherReplicaRunsTheNextOccurrencesOnce()
    {
        // Its own pair: one replica is stopped.
        await using var pair = await ReplicaPair.StartAsync();
        IReadOnlyList<ReplicaWork> Runs() => pair.Ledger.Of(ReplicaWorkKind.TimerOccurrence);
        (await Eventually.TrueAsync(() => Task.FromResult(Runs().Count >= 2), TimeSpan.FromSeconds(15))).ShouldBeTrue("the timer runs");
        var leader = Runs()[^1].Replica;
        var (stopping, survivor) = leader == "A" ? (pair.A, "B") : (pair.B, "A");

        // The leader releases its lease on shutdown; the survivor wins it at its next occurrence.
        await stopping.StopAsync();
        var stoppedAt = DateTimeOffset.UtcNow;
        var tookOver = await Eventually.TrueAsync(
            () => Task.FromResult(Runs().Count(r => r.Replica == survivor && r.At > stoppedAt) >= 3), TimeSpan.FromSeconds(15));

        var runs = Runs();
        output.WriteLine(string.Join(", ", runs.Select(r => $"{r.Replica}:{r.Key[11..19]}")));
        tookOver.ShouldBeTrue($"{survivor} took the timer over from {leader}");
        runs.Where(r => r.At > stoppedAt).ShouldAllBe(r => r.Replica == survivor);
        runs.GroupBy(r => r.Key).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("no occurrence ran twice");
    }

    [Fact]
    public async Task DurableHttpStart_ThroughReplicaA_StatusAndCompletionThroughReplicaB()
    {
        // Generous: the machine may be busy; an idle one needs seconds.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var pair = replicas.Pair;
        var id = "vol-" + Guid.NewGuid().ToString("N");
        var b = ReplicaPair.DurableClient(pair.B);

        using var started = await pair.A.Client.PostAsync($"/durable/resources/{id}", content: null, timeout.Token);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await started.Content.ReadFromJsonAsync<ProvisionAccepted>(timeout.Token)).ShouldBe(new ProvisionAccepted(id, Started: true));

        var running = await WaitForAsync(b, id, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Running, timeout.Token);
        running.Name.ShouldBe(nameof(DurableFunctions.ProvisionOrchestrator));
        running.ReadInputAs<ProvisionRequest>().ShouldBe(new ProvisionRequest(id));
        await b.RaiseEventAsync(id, DurableEvents.Continue, "go", timeout.Token);
        var completed = await b.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        completed.RuntimeStatus.ShouldBe(OrchestrationRuntimeStatus.Completed);
        completed.ReadOutputAs<string>().ShouldBe($"{id} provisioned");
    }

    private static async Task<OrchestrationMetadata> WaitForAsync(DurableTaskClient client, string id, Func<OrchestrationMetadata, bool> until, CancellationToken cancellationToken)
    {
        while (true)
        {
            var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
            if (instance is not null && until(instance))
            {
                return instance;
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
