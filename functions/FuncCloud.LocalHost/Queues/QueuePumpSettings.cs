using FuncCloud.LocalHost.Hosting;

namespace FuncCloud.LocalHost.Queues;

/// <summary>
/// The effective queue settings of a pump: host.json <c>extensions.queues</c> with the Functions defaults and
/// limits applied once, so the pump never re-validates them.
/// </summary>
/// <param name="BatchSize">Messages per receive (1-32, the Storage service maximum).</param>
/// <param name="NewBatchThreshold">Fetch again when the in-flight count drops to this.</param>
/// <param name="MaxPollingInterval">Upper bound of the empty-queue back-off.</param>
/// <param name="VisibilityTimeout">Delay before a failed message is retried.</param>
/// <param name="MaxDequeueCount">Attempts before the message is moved to the poison queue.</param>
/// <param name="Base64">Whether message text is decoded as base64 (when it is valid base64).</param>
public sealed record QueuePumpSettings(int BatchSize, int NewBatchThreshold, TimeSpan MaxPollingInterval, TimeSpan VisibilityTimeout, int MaxDequeueCount, bool Base64)
{
    /// <summary>The Storage service's limit on messages per receive.</summary>
    public const int MaxBatchSize = 32;

    /// <summary>The shortest wait between polls of an empty queue, where the back-off starts.</summary>
    public static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long a received message stays invisible while its function runs. The Functions host renews a
    /// shorter lease; ten minutes without renewal covers every control-plane function (they hand long work to
    /// orchestrations) and only delays redelivery after a crash.
    /// </summary>
    public static readonly TimeSpan ProcessingLease = TimeSpan.FromMinutes(10);

    /// <summary>Applies defaults and limits to host.json's values.</summary>
    public static QueuePumpSettings From(QueuesHostOptions options)
    {
        var batchSize = Math.Clamp(options.BatchSize, 1, MaxBatchSize);
        var threshold = Math.Max(0, options.NewBatchThreshold ?? batchSize / 2);
        var maxPolling = options.MaxPollingInterval < MinPollingInterval ? MinPollingInterval : options.MaxPollingInterval;
        var visibility = options.VisibilityTimeout < TimeSpan.Zero ? TimeSpan.Zero : options.VisibilityTimeout;
        var base64 = !string.Equals(options.MessageEncoding, "none", StringComparison.OrdinalIgnoreCase);
        return new QueuePumpSettings(batchSize, threshold, maxPolling, visibility, Math.Max(1, options.MaxDequeueCount), base64);
    }
}
