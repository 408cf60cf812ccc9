using Azure;
using Azure.Storage.Queues.Models;
using FuncCloud.LocalHost.Invocation;

namespace FuncCloud.LocalHost.Queues;

/// <summary>
/// Runs the function on one received message and settles it with the Functions semantics: success deletes
/// it; a failure makes it visible again after visibilityTimeout, or, on the maxDequeueCount-th attempt,
/// copies it unchanged to <c>&lt;queue&gt;-poison</c> and deletes it.
/// </summary>
public sealed class QueueMessageHandler(QueueTriggerTarget target, QueuePumpSettings settings, FunctionInvoker invoker, ILogger logger)
{
    private volatile bool _poisonQueueExists;

    private string FunctionName => target.Function.Name;

    /// <summary>Processes <paramref name="received"/>; never throws except for its own cancellation.</summary>
    /// <param name="received">The message as stored (not decoded).</param>
    /// <param name="cancellationToken">Signalled when the host gives up waiting for in-flight invocations.</param>
    public async Task HandleAsync(QueueMessage received, CancellationToken cancellationToken)
    {
        if (received.DequeueCount > settings.MaxDequeueCount)
        {
            // Received more often than it was settled: its invocations crash or outlive the lease. Like the
            // Functions host, poison it without another attempt rather than letting it take the host down again.
            await PoisonAsync(received, new InvalidOperationException($"Message {received.MessageId} was dequeued {received.DequeueCount} times without completing."));
            return;
        }

        var payload = QueueMessagePayload.Decode(received.Body.ToString(), settings.Base64);
        // The function sees the message decoded, as the queue extension's client (with its encoding) returns it.
        var decoded = QueuesModelFactory.QueueMessage(
            received.MessageId, received.PopReceipt, payload.Bytes, received.DequeueCount, received.NextVisibleOn, received.InsertedOn, received.ExpiresOn);
        var binder = new QueueTriggerBinder(target.Function, decoded, payload);
        var bindingData = QueueBindingData.Create(decoded, payload, target.Function.TriggerParameter.ParameterType);
        try
        {
            // RetryContext: attempts so far and the attempts left before the poison queue, like a retry policy.
            await invoker.InvokeAsync(target.Function, binder, bindingData, cancellationToken, (int)received.DequeueCount - 1, settings.MaxDequeueCount - 1);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Not the function's fault: hand the message back at once instead of counting it as a failure.
            QueueTriggerLog.Released(logger, FunctionName, received.MessageId);
            await SettleAsync(received, () => target.Queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None));
            return;
        }
        catch (Exception e)
        {
            await FailAsync(received, e);
            return;
        }

        await SettleAsync(received, () => target.Queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, CancellationToken.None));
    }

    private async Task FailAsync(QueueMessage received, Exception exception)
    {
        if (received.DequeueCount < settings.MaxDequeueCount)
        {
            QueueTriggerLog.Retrying(logger, exception, FunctionName, received.MessageId, received.DequeueCount, settings.MaxDequeueCount, settings.VisibilityTimeout);
            await SettleAsync(received, () => target.Queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: CancellationToken.None));
            return;
        }

        await PoisonAsync(received, exception);
    }

    private async Task PoisonAsync(QueueMessage received, Exception exception)
    {
        QueueTriggerLog.Poisoned(logger, exception, FunctionName, received.MessageId, received.DequeueCount, target.PoisonQueue.Name);
        await SettleAsync(received, async () =>
        {
            if (!_poisonQueueExists)
            {
                await target.PoisonQueue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
                _poisonQueueExists = true;
            }

            // The stored text is copied as is, so the poison message keeps the producer's encoding.
            await target.PoisonQueue.SendMessageAsync(received.Body.ToString(), CancellationToken.None);
            return await target.Queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, CancellationToken.None);
        });
    }

    // Settling uses no cancellation token: a finished invocation must be recorded even during shutdown.
    private async Task SettleAsync<T>(QueueMessage received, Func<Task<T>> settle)
    {
        try
        {
            await settle();
        }
        catch (Exception e)
        {
            // Settling must not fail the pump. Typically the lease expired and another receive took the message: it is simply delivered again.
            QueueTriggerLog.SettleFailed(logger, e, FunctionName, received.MessageId, target.Queue.Name);
        }
    }
}
