using FuncCloud.Agent.Compute;
using FuncCloud.Agent.Hosting;
using FuncCloud.Agent.Queues;
using FuncCloud.Shared.Telemetry.Samples;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Telemetry;

/// <summary>
/// ceilometer-compute's polling loop for one node: every <see cref="AgentOptions.PollingInterval"/> one driver call
/// (<see cref="IComputeDriver.GetStatsAsync"/>) reads every instance and the host, and the samples go to the samples
/// queue in batches of at most <see cref="MaxSamplesPerMessage"/> (under the queue's 64 KiB message limit). A failed
/// round is logged and the next one tries again: counters are cumulative, so a missed round loses no usage.
/// </summary>
public sealed class SamplePollster(string nodeName, IComputeDriver driver, AgentQueuePublisher publisher, AgentOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>About 300 bytes each: a message stays well under 64 KiB.</summary>
    public const int MaxSamplesPerMessage = 120;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        PollsterLog.Started(logger, nodeName, options.PollingInterval);
        using var timer = new PeriodicTimer(options.PollingInterval, time);
        do
        {
            try
            {
                await PollOnceAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                PollsterLog.Failed(logger, nodeName, options.PollingInterval, e.Message);
            }
        }
        while (await WaitAsync(timer, cancellationToken));
    }

    /// <summary>One round: sample and send. Returns how many samples were sent.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var stats = await driver.GetStatsAsync(cancellationToken);
        var samples = SampleBuilder.Build(nodeName, stats);
        var batches = 0;
        foreach (var chunk in samples.Chunk(MaxSamplesPerMessage))
        {
            await publisher.SendSamplesAsync(new SampleBatch(Guid.NewGuid().ToString("N"), nodeName, chunk), cancellationToken);
            batches++;
        }

        PollsterLog.Sent(logger, nodeName, samples.Count, stats.Instances.Count, batches);
        return samples.Count;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
