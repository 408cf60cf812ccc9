using System.Collections.Concurrent;

namespace FuncCloud.LocalHost.Tests.Queues;

/// <summary>Records what the queue test functions saw, for the tests to wait on.</summary>
public sealed class QueueRecorder
{
    private readonly ConcurrentQueue<QueueInvocation> _invocations = new();

    public void Record(string key, long dequeueCount, string detail) =>
        _invocations.Enqueue(new QueueInvocation(key, dequeueCount, detail, DateTimeOffset.UtcNow));

    public IReadOnlyList<QueueInvocation> For(string key) => _invocations.Where(i => i.Key == key).ToList();

    /// <summary>Waits until <paramref name="key"/> has at least <paramref name="count"/> invocations (or the deadline), then returns them.</summary>
    public async Task<IReadOnlyList<QueueInvocation>> WaitForAsync(string key, int count, TimeSpan? timeout = null)
    {
        await Eventually.TrueAsync(() => Task.FromResult(For(key).Count >= count), timeout);
        return For(key);
    }
}

/// <summary>One invocation of a queue test function.</summary>
public sealed record QueueInvocation(string Key, long DequeueCount, string Detail, DateTimeOffset At);
