using System.Text.Json;
using Azure.Storage.Queues;
using FuncCloud.Functions.Telemetry.Collection;
using FuncCloud.Functions.Telemetry.Services;
using FuncCloud.Functions.Tests.Compute.Servers;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Storage;
using FuncCloud.Shared.Telemetry.Index;
using FuncCloud.Shared.Telemetry.Samples;
using FuncCloud.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace FuncCloud.Functions.Tests.Telemetry;

/// <summary>The shared host of the ingest tests.</summary>
public sealed class SampleIngestFixture : IdentityHostFixture;

/// <summary>The samples queue's ingest: resources and measures from batches, once per batch id, poison with a reason.</summary>
public sealed class SampleIngestTests(SampleIngestFixture host) : IClassFixture<SampleIngestFixture>
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static Sample ImageSize(string imageId, double bytes, DateTimeOffset at, string project = "p-ingest") =>
        ImageMeters.Uploaded(new Shared.Image.ImageRecord(imageId, "cirros", "active", "private", project, "qcow2", "bare", (long)bytes, null, null, null, null,
            0, 0, false, false, [], new Dictionary<string, string>(), at, at));

    [Fact]
    public async Task IngestAsync_SameBatchTwice_MeasuresWrittenOnce_ResourceOwnedByTheSamplesProject()
    {
        var ingest = host.Services.GetRequiredService<SampleIngestService>();
        var image = Guid.NewGuid().ToString();
        var batch = new SampleBatch(Guid.NewGuid().ToString("N"), SampleBatch.ControlPlane, [ImageSize(image, 1000, At), ImageSize(image, 3000, At.AddMinutes(1))]);

        (await ingest.IngestAsync(batch, CancellationToken.None)).ShouldBe(2);
        // A redelivery of that batch id is skipped by the store, even with other values (which would move the mean).
        await ingest.IngestAsync(batch with { Samples = [ImageSize(image, 9000, At)] }, CancellationToken.None);

        var resource = (await host.Services.GetRequiredService<TelemetryIndexStore>().GetResourceAsync(image, CancellationToken.None)).ShouldNotBeNull();
        (resource.Type, resource.ProjectId, resource.Attributes["disk_format"]).ShouldBe(("image", "p-ingest", "qcow2"));
        var metric = await host.Services.GetRequiredService<ResourceService>().MetricAsync(resource, Meters.ImageSize, CancellationToken.None);
        (metric.Unit, metric.ArchivePolicyName).ShouldBe(("B", "ceilometer-low"));
        var means = await host.Services.GetRequiredService<MetricService>().ReadAsync(metric, "mean", null, null, null, CancellationToken.None);
        means.Single().Value.ShouldBe(2000);
    }

    [Fact]
    public async Task IngestAsync_SampleOfUnknownServer_Dropped()
    {
        var ingest = host.Services.GetRequiredService<SampleIngestService>();
        var server = Guid.NewGuid().ToString();
        var batch = new SampleBatch(Guid.NewGuid().ToString("N"), "node-x", InstanceMeters.Changed(server, 1, 512, At));

        (await ingest.IngestAsync(batch, CancellationToken.None)).ShouldBe(0);
        (await host.Services.GetRequiredService<TelemetryIndexStore>().GetResourceAsync(server, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Queue_BatchAndGarbage_BatchIngested_GarbageInPoisonWithReason()
    {
        var queues = host.Services.GetRequiredService<QueueServiceClient>();
        var names = host.Services.GetRequiredService<StorageNames>();
        var samples = queues.GetQueueClient(names.Queue(TelemetryQueueNames.Samples));
        var poison = queues.GetQueueClient(names.Queue(TelemetryQueueNames.Samples + AgentQueueNames.PoisonSuffix));
        await samples.CreateIfNotExistsAsync();
        var image = Guid.NewGuid().ToString();

        await host.Services.GetRequiredService<IMeterEmitter>().EmitAsync([ImageSize(image, 42, At)], CancellationToken.None);
        await samples.SendMessageAsync("{\"batchId\": \"x\", \"samples\": [{\"name\": \"cpu\", \"resourceId\": \"r\", \"resourceType\": \"nonsense\"}]}");

        var index = host.Services.GetRequiredService<TelemetryIndexStore>();
        await Poll.UntilAsync(async () => await index.GetResourceAsync(image, CancellationToken.None) is not null, "the emitted image.size ingested", TimeSpan.FromSeconds(60));
        PoisonedSamples? poisoned = null;
        await Poll.UntilAsync(async () =>
        {
            if (!(await poison.ExistsAsync()).Value)
            {
                return false;
            }

            var peeked = (await poison.PeekMessagesAsync(10)).Value;
            poisoned = peeked.Select(m => JsonSerializer.Deserialize<PoisonedSamples>(m.Body.ToString(), AgentJson.Options)).FirstOrDefault(p => p!.Message.Contains("nonsense"));
            return poisoned is not null;
        }, "the invalid batch in the poison queue", TimeSpan.FromSeconds(60));
        poisoned!.Reason.ShouldContain("unknown resource type 'nonsense'");
    }
}
