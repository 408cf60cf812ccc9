using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Automation;

/// <summary>Sends replies (<c>{"request": {...}}</c>) and poison notes to their queues (base64, as the Functions queue binding writes).</summary>
public sealed class AutomationReplies(QueueServiceClient queues, StorageNames names)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _created = new(StringComparer.Ordinal);

    /// <summary>Sends <paramref name="record"/>'s view to its reply queue.</summary>
    public async Task SendAsync(AutomationRecord record, CancellationToken cancellationToken)
    {
        var queue = await QueueAsync(record.ReplyQueue);
        await queue.SendMessageAsync(new JsonObject { ["request"] = AutomationViews.Request(record) }.ToJsonString(), cancellationToken);
    }

    /// <summary>Puts an unreadable message on <c>cloud-requests-poison</c> with the reason.</summary>
    public async Task PoisonAsync(string message, string reason, string? messageId, CancellationToken cancellationToken)
    {
        var queue = await QueueAsync(AutomationNames.PoisonQueue);
        var note = new JsonObject { ["reason"] = reason, ["message_id"] = messageId, ["message"] = message };
        await queue.SendMessageAsync(note.ToJsonString(), cancellationToken);
    }

    private Task<QueueClient> QueueAsync(string logicalName) => _created.GetOrAdd(logicalName, name => new Lazy<Task<QueueClient>>(async () =>
    {
        var client = queues.GetQueueClient(names.Queue(name));
        await client.CreateIfNotExistsAsync();
        return client;
    })).Value;
}
