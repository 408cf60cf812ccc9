using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Queues;

/// <summary>
/// Keeps a received message invisible while its command runs, by pushing its visibility timeout forward
/// every third of the timeout (as the Functions queue listener does). If the agent dies the renewals stop
/// and the message reappears within one timeout, which is what triggers crash recovery.
/// </summary>
internal sealed class MessageLease : IAsyncDisposable
{
    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly TimeSpan _visibilityTimeout;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;
    private readonly Lock _gate = new();
    private string _popReceipt;

    public MessageLease(QueueClient queue, QueueMessage message, TimeSpan visibilityTimeout, ILogger logger)
    {
        _queue = queue;
        _messageId = message.MessageId;
        _popReceipt = message.PopReceipt;
        _visibilityTimeout = visibilityTimeout;
        _logger = logger;
        _renewals = RenewAsync(_stop.Token);
    }

    /// <summary>The latest pop receipt (each renewal issues a new one).</summary>
    public string PopReceipt
    {
        get
        {
            lock (_gate)
            {
                return _popReceipt;
            }
        }
    }

    /// <summary>Stops renewing; call before deleting or releasing the message.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _renewals;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        var period = _visibilityTimeout / 3;
        try
        {
            while (true)
            {
                await Task.Delay(period, cancellationToken);
                try
                {
                    var receipt = await _queue.UpdateMessageAsync(_messageId, PopReceipt, visibilityTimeout: _visibilityTimeout, cancellationToken: cancellationToken);
                    lock (_gate)
                    {
                        _popReceipt = receipt.Value.PopReceipt;
                    }
                }
                catch (RequestFailedException e)
                {
                    // Transient or lost (someone else took the message): keep trying, the journal prevents double work.
                    PumpLog.LeaseRenewalFailed(_logger, _queue.Name, _messageId, e.Status, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
