using FuncCloud.LocalHost.Hosting;
using FuncCloud.LocalHost.Queues;
using Shouldly;
using Xunit;

namespace FuncCloud.LocalHost.Tests.Queues;

public sealed class QueuePumpSettingsTests
{
    [Fact]
    public void From_Defaults_ThresholdIsHalfTheBatch()
    {
        var settings = QueuePumpSettings.From(new QueuesHostOptions { BatchSize = 16 });

        settings.NewBatchThreshold.ShouldBe(8);
        settings.MaxDequeueCount.ShouldBe(5);
        settings.Base64.ShouldBeTrue();
    }

    [Fact]
    public void From_OutOfRange_ClampedToServiceLimits()
    {
        var settings = QueuePumpSettings.From(new QueuesHostOptions { BatchSize = 100, MessageEncoding = "None", MaxPollingInterval = TimeSpan.Zero });

        settings.BatchSize.ShouldBe(QueuePumpSettings.MaxBatchSize);
        settings.Base64.ShouldBeFalse();
        settings.MaxPollingInterval.ShouldBe(QueuePumpSettings.MinPollingInterval);
    }

    [Fact]
    public void Backoff_EmptyPolls_GrowsToMaxAndResets()
    {
        var max = TimeSpan.FromSeconds(2);
        var backoff = new QueuePollingBackoff(max);

        var waits = Enumerable.Range(0, 10).Select(_ => backoff.Next()).ToList();
        backoff.Reset();

        waits[0].ShouldBeLessThan(TimeSpan.FromMilliseconds(200));
        waits.ShouldAllBe(w => w <= max);
        waits[^1].ShouldBeGreaterThan(max * 0.7);
        backoff.Next().ShouldBeLessThan(TimeSpan.FromMilliseconds(200));
    }
}
