using System.Collections.Concurrent;

namespace FuncCloud.LocalHost.Tests.Replicas;

/// <summary>What kind of work a replica did.</summary>
public enum ReplicaWorkKind
{
    Orchestration,
    Activity,
    QueueMessage,
    TimerOccurrence,
}

/// <summary>One unit of work and the replica that did it.</summary>
public sealed record ReplicaWork(string Replica, ReplicaWorkKind Kind, string Key, DateTimeOffset At);

/// <summary>The work of all replicas of a <see cref="ReplicaPair"/>, in the order it was recorded.</summary>
public sealed class ReplicaLedger
{
    private readonly ConcurrentQueue<ReplicaWork> _work = new();

    public void Add(ReplicaWork work) => _work.Enqueue(work);

    public IReadOnlyList<ReplicaWork> Of(ReplicaWorkKind kind) => _work.Where(w => w.Kind == kind).ToList();
}

/// <summary>One replica's recorder (a singleton of that host): stamps the work with the replica's name.</summary>
public sealed class ReplicaRecorder(string replica, ReplicaLedger ledger)
{
    public string Replica { get; } = replica;

    // The orchestrator records its episodes with the wall clock on purpose: when and where each replay ran is
    // what the tests observe, and the recording never feeds back into the orchestration.
#pragma warning disable DURABLE0001
    public void Record(ReplicaWorkKind kind, string key) => ledger.Add(new ReplicaWork(Replica, kind, key, DateTimeOffset.UtcNow));
#pragma warning restore DURABLE0001
}
