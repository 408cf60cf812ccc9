using System.Text.Json;
using Azure.Storage.Queues;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Agent.Queues;

/// <summary>Posts results to <c>agent-results</c> and reports to <c>agent-events</c> (prefixed names).</summary>
public sealed class AgentQueuePublisher(QueueServiceClient queues, StorageNames names)
{
    private readonly QueueClient _results = queues.GetQueueClient(names.Queue(AgentQueueNames.Results));
    private readonly QueueClient _events = queues.GetQueueClient(names.Queue(AgentQueueNames.Events));

    /// <summary>Creates both queues when missing (the control plane may not have run yet).</summary>
    public async Task EnsureQueuesAsync(CancellationToken cancellationToken)
    {
        await _results.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _events.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    public Task SendResultAsync(AgentResult result, CancellationToken cancellationToken) =>
        _results.SendMessageAsync(JsonSerializer.Serialize(result, AgentJson.Options), cancellationToken);

    public Task SendReportAsync(PowerStateReport report, CancellationToken cancellationToken) =>
        _events.SendMessageAsync(JsonSerializer.Serialize(report, AgentJson.Options), cancellationToken);
}
