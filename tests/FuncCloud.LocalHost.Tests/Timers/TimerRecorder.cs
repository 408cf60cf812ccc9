using System.Collections.Concurrent;
using FuncCloud.LocalHost.Tests.Queues;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.LocalHost.Tests.Timers;

/// <summary>Records the timer test functions' invocations.</summary>
public sealed class TimerRecorder
{
    private readonly ConcurrentQueue<TimerInvocation> _invocations = new();

    public void Record(string function, TimerInfo timer) => _invocations.Enqueue(new TimerInvocation(function, timer, DateTimeOffset.UtcNow));

    public IReadOnlyList<TimerInvocation> For(string function) => _invocations.Where(i => i.Function == function).ToList();

    /// <summary>Waits until <paramref name="function"/> ran at least <paramref name="count"/> times (or the deadline), then returns its invocations.</summary>
    public async Task<IReadOnlyList<TimerInvocation>> WaitForAsync(string function, int count)
    {
        await Eventually.TrueAsync(() => Task.FromResult(For(function).Count >= count));
        return For(function);
    }
}

/// <summary>One invocation of a timer test function.</summary>
public sealed record TimerInvocation(string Function, TimerInfo Timer, DateTimeOffset At);
