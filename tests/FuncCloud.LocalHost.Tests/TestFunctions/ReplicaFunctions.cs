using FuncCloud.LocalHost.Tests.Replicas;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FuncCloud.LocalHost.Tests.TestFunctions;

/// <summary>
/// Functions that report which replica ran them. Every fixture of this assembly runs them; they record only
/// where <see cref="ReplicaPair"/> registered a <see cref="ReplicaRecorder"/>, so elsewhere they stay idle.
/// </summary>
public sealed class ReplicaFunctions(ReplicaRecorder? recorder = null)
{
    [Function(nameof(ReplicaOrchestrator))]
    public async Task<int> ReplicaOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var steps = context.GetInput<ReplicaSteps>()!;

        // Every episode (replays included) runs on the replica that holds the instance's partition right now.
        recorder?.Record(ReplicaWorkKind.Orchestration, context.InstanceId);
        for (var step = 0; step < steps.Count; step++)
        {
            await context.CallActivityAsync(nameof(ReplicaActivity), new ReplicaStep(context.InstanceId, step, steps.DelayMilliseconds));
        }

        return steps.Count;
    }

    [Function(nameof(ReplicaActivity))]
    public async Task ReplicaActivity([ActivityTrigger] ReplicaStep step, CancellationToken cancellationToken)
    {
        await Task.Delay(step.DelayMilliseconds, cancellationToken);
        recorder?.Record(ReplicaWorkKind.Activity, $"{step.InstanceId}#{step.Index}");
    }

    [Function(nameof(ReplicaQueueWork))]
    public async Task ReplicaQueueWork([QueueTrigger(ReplicaQueues.Work)] string key, CancellationToken cancellationToken)
    {
        if (recorder is null)
        {
            return;
        }

        // Long enough that one replica cannot drain all 50 messages (batches of 8) before the other, backing
        // off up to 500 ms on an empty queue, polls again.
        await Task.Delay(300, cancellationToken);
        recorder.Record(ReplicaWorkKind.QueueMessage, key);
    }

    [Function(nameof(ReplicaEverySecond))]
    public void ReplicaEverySecond([TimerTrigger("*/1 * * * * *")] TimerInfo timer) =>
        // Next is the occurrence after the one running: one value per occurrence, whichever replica runs it.
        recorder?.Record(ReplicaWorkKind.TimerOccurrence, timer.ScheduleStatus!.Next.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>Logical names of the replica test queues.</summary>
public static class ReplicaQueues
{
    public const string Work = "replica-work";
}

/// <summary>Input of <see cref="ReplicaFunctions.ReplicaOrchestrator"/>: how many activities, each taking how long.</summary>
public sealed record ReplicaSteps(int Count, int DelayMilliseconds);

/// <summary>Input of <see cref="ReplicaFunctions.ReplicaActivity"/>.</summary>
public sealed record ReplicaStep(string InstanceId, int Index, int DelayMilliseconds);
