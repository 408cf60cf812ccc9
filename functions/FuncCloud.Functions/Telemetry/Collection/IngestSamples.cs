using System.Text.Json;
using Azure.Storage.Queues;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Storage;
using FuncCloud.Shared.Telemetry.Samples;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Functions.Telemetry.Collection;

/// <summary>
/// <c>telemetry-samples</c>: one <see cref="SampleBatch"/> from a node's pollster or the control plane's event meters.
/// A message no retry can fix (unreadable, invalid) goes straight to <c>telemetry-samples-poison</c> wrapped with the
/// reason; a failure of storage throws, so the host retries it and poisons it after its dequeue count.
/// </summary>
public sealed class IngestSamples(SampleIngestService ingest, QueueServiceClient queues, StorageNames names, ILogger<IngestSamples> logger)
{
    [Function(nameof(IngestSamples))]
    public async Task RunAsync([QueueTrigger(TelemetryQueueNames.Samples)] string message, CancellationToken cancellationToken)
    {
        SampleBatch? batch = null;
        string? reason;
        try
        {
            batch = JsonSerializer.Deserialize<SampleBatch>(message, AgentJson.Options);
            reason = SampleIngestService.Validate(batch);
        }
        catch (JsonException e)
        {
            reason = "unreadable: " + e.Message;
        }

        if (reason is not null)
        {
            CollectionLog.Poisoned(logger, reason);
            var poison = queues.GetQueueClient(names.Queue(TelemetryQueueNames.Samples + AgentQueueNames.PoisonSuffix));
            await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await poison.SendMessageAsync(JsonSerializer.Serialize(new PoisonedSamples(reason, message), AgentJson.Options), cancellationToken);
            return;
        }

        var written = await ingest.IngestAsync(batch!, cancellationToken);
        CollectionLog.Ingested(logger, batch!.BatchId, batch.Source, written, batch.Samples.Count);
    }
}

/// <summary>What <c>telemetry-samples-poison</c> holds: why, and the message as received.</summary>
public sealed record PoisonedSamples(string Reason, string Message);
