using Azure.Storage.Queues.Models;
using FuncCloud.LocalHost.Tests.Queues;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.LocalHost.Tests.TestFunctions;

/// <summary>
/// Queue functions written the way FuncCloud's are, to pin the trigger semantics. Every fixture of this
/// assembly pumps their queues (under its own prefix); only <see cref="QueueHostFixture"/> sends to them and
/// registers the recorder, so elsewhere they stay idle.
/// </summary>
public sealed class QueueFunctions(QueueRecorder? recorder = null)
{
    [Function(nameof(ProcessOrder))]
    public void ProcessOrder([QueueTrigger(TestQueues.Orders)] OrderMessage order, string id, long dequeueCount, int quantity) =>
        recorder?.Record(order.OrderId, dequeueCount, $"{id}|{quantity}");

    [Function(nameof(EchoText))]
    public void EchoText([QueueTrigger(TestQueues.Texts)] string text, long dequeueCount) =>
        recorder?.Record(text, dequeueCount, nameof(EchoText));

    [Function(nameof(ReceiveBytes))]
    public void ReceiveBytes([QueueTrigger(TestQueues.Bytes)] byte[] data, string id) =>
        recorder?.Record(id, 1, Convert.ToHexString(data));

    [Function(nameof(InspectMessage))]
    public void InspectMessage(
        [QueueTrigger(TestQueues.Messages)] QueueMessage message, string id, string popReceipt, DateTimeOffset insertionTime, DateTimeOffset expirationTime) =>
        recorder?.Record(
            message.Body.ToString(),
            message.DequeueCount,
            $"{id == message.MessageId}|{popReceipt == message.PopReceipt}|{insertionTime <= expirationTime}");

    [Function(nameof(AlwaysFails))]
    public void AlwaysFails([QueueTrigger(TestQueues.Failing)] string key, int dequeueCount, FunctionContext context)
    {
        recorder?.Record(key, dequeueCount, $"{context.RetryContext.RetryCount}/{context.RetryContext.MaxRetryCount}");
        throw new InvalidOperationException($"{key} always fails");
    }

    [Function(nameof(FailsOnce))]
    public void FailsOnce([QueueTrigger(TestQueues.Flaky)] FlakyMessage message, long dequeueCount)
    {
        recorder?.Record(message.Key, dequeueCount, nameof(FailsOnce));
        if (dequeueCount == 1)
        {
            throw new InvalidOperationException($"{message.Key} fails on its first attempt");
        }
    }

    [Function(nameof(ProcessBatchItem))]
    public async Task ProcessBatchItem([QueueTrigger(TestQueues.Batch)] BatchItem item, CancellationToken cancellationToken)
    {
        // Long enough that several messages are in flight at once, as in a real batch.
        await Task.Delay(50, cancellationToken);
        recorder?.Record(item.BatchId, 1, item.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Function(nameof(SlowWork))]
    public async Task SlowWork([QueueTrigger(TestQueues.Slow)] FlakyMessage message, CancellationToken cancellationToken)
    {
        recorder?.Record(message.Key, 1, "started");
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        recorder?.Record(message.Key, 1, "finished");
    }
}

/// <summary>Logical names of the test queues (the host prefixes them per fixture).</summary>
public static class TestQueues
{
    public const string Orders = "orders";
    public const string Texts = "texts";
    public const string Bytes = "bytes";
    public const string Messages = "messages";
    public const string Failing = "always-fails";
    public const string Flaky = "flaky";
    public const string Batch = "batch";
    public const string Slow = "slow";
}

public sealed record OrderMessage(string OrderId, int Quantity);

public sealed record FlakyMessage(string Key);

public sealed record BatchItem(string BatchId, int Index);
