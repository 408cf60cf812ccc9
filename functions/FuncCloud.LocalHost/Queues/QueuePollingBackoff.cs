namespace FuncCloud.LocalHost.Queues;

/// <summary>
/// Randomised exponential back-off between polls of an empty queue, from
/// <see cref="QueuePumpSettings.MinPollingInterval"/> up to maxPollingInterval, as the Functions queue
/// listener does: an idle queue costs few transactions, a busy one is polled at once again.
/// </summary>
public sealed class QueuePollingBackoff(TimeSpan maxInterval)
{
    private TimeSpan _current = TimeSpan.Zero;

    /// <summary>The next wait: doubles each time the queue is found empty, with ±20 % jitter so replicas drift apart.</summary>
    public TimeSpan Next()
    {
        var doubled = _current == TimeSpan.Zero ? QueuePumpSettings.MinPollingInterval : _current * 2;
        _current = doubled > maxInterval ? maxInterval : doubled;
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        var wait = _current * jitter;
        return wait > maxInterval ? maxInterval : wait;
    }

    /// <summary>A message arrived: poll again without delay, and start the back-off over next time.</summary>
    public void Reset() => _current = TimeSpan.Zero;
}
