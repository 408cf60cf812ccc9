using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Storage;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Shared.Telemetry.Samples;

/// <summary>Puts event samples on <see cref="TelemetryQueueNames.Samples"/>, creating the queue when missing.</summary>
public sealed partial class QueueMeterEmitter(QueueServiceClient queues, StorageNames names, ILogger<QueueMeterEmitter> logger) : IMeterEmitter
{
    private readonly QueueClient _queue = queues.GetQueueClient(names.Queue(TelemetryQueueNames.Samples));

    /// <inheritdoc />
    public async Task EmitAsync(IReadOnlyList<Sample> samples, CancellationToken cancellationToken)
    {
        if (samples.Count == 0)
        {
            return;
        }

        var body = JsonSerializer.Serialize(new SampleBatch(Guid.NewGuid().ToString("N"), SampleBatch.ControlPlane, samples), AgentJson.Options);
        try
        {
            try
            {
                await _queue.SendMessageAsync(body, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                await _queue.SendMessageAsync(body, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException e)
        {
            // A lost event meter is a gap in a graph; failing the workflow for it would be worse.
            EmitFailed(logger, samples[0].Name, samples[0].ResourceId, e.Message);
        }
    }

    [LoggerMessage(EventId = 7701, Level = LogLevel.Warning, Message = "Event meter {meter} of {resourceId} not sent: {reason}")]
    private static partial void EmitFailed(ILogger logger, string meter, string resourceId, string reason);
}
