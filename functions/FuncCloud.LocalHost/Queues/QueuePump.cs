using Azure;
using Azure.Storage.Queues.Models;

namespace FuncCloud.LocalHost.Queues;

/// <summary>
/// The listener of one queue-triggered function: receives batches of up to batchSize messages, runs them
/// concurrently, fetches again once the in-flight count drops to newBatchThreshold, and backs off
/// exponentially while the queue is empty. On shutdown it stops receiving and lets in-flight invocations
/// finish; their cancellation token is only signalled when the host stops waiting.
/// </summary>
public sealed class QueuePump(QueueTriggerTarget target, QueuePumpSettings settings, QueueMessageHandler handler, ILogger logger) : BackgroundService
{
    /// <summary>The time given to invocations to end once their token is signalled, before the pump returns.</summary>
    private static readonly TimeSpan CancelledDrainTimeout = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _invocationCancellation = new();
    private readonly SemaphoreSlim _slotFreed = new(0);
    private readonly HashSet<Task> _inFlight = [];
    private readonly SemaphoreSlim _woken = new(0, 1);

    private string FunctionName => target.Function.Name;

    /// <summary>The storage name of the queue this pump listens to.</summary>
    public string QueueName => target.Queue.Name;

    /// <summary>Ends the current idle wait at once (messages were just posted): the next poll is immediate.</summary>
    public void Wake()
    {
        try
        {
            _woken.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken and not yet polled: one wake-up is enough.
        }
        catch (ObjectDisposedException)
        {
            // The pump has stopped.
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host's shutdown deadline is the bound: until then invocations run on, then they are cancelled.
        await using (cancellationToken.Register(_invocationCancellation.Cancel))
        {
            await base.StopAsync(cancellationToken);
        }

        if (ExecuteTask is { IsCompleted: false } running)
        {
            await _invocationCancellation.CancelAsync();
            await Task.WhenAny(running, Task.Delay(CancelledDrainTimeout, CancellationToken.None));
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        base.Dispose();
        _invocationCancellation.Dispose();
        _slotFreed.Dispose();
        _woken.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await PollAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: fall through to the drain.
        }

        await DrainAsync();
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        var backoff = new QueuePollingBackoff(settings.MaxPollingInterval);
        var queueExists = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            while (InFlightCount() > settings.NewBatchThreshold)
            {
                await _slotFreed.WaitAsync(stoppingToken);
            }

            QueueMessage[] messages;
            try
            {
                if (!queueExists)
                {
                    await target.Queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                    queueExists = true;
                    QueueTriggerLog.Listening(logger, FunctionName, target.Queue.Name);
                }

                messages = (await target.Queue.ReceiveMessagesAsync(settings.BatchSize, QueuePumpSettings.ProcessingLease, stoppingToken)).Value;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage unavailable or the queue deleted: the listener stays alive and tries again later, as in
                // Functions. An exception escaping a BackgroundService would stop the whole host.
                QueueTriggerLog.PollFailed(logger, e, FunctionName, target.Queue.Name);
                if (e is RequestFailedException { Status: 404 })
                {
                    queueExists = false;
                }

                messages = [];
            }

            if (messages.Length == 0)
            {
                if (await _woken.WaitAsync(backoff.Next(), stoppingToken))
                {
                    backoff.Reset();
                }

                continue;
            }

            backoff.Reset();
            foreach (var message in messages)
            {
                Track(Task.Run(() => handler.HandleAsync(message, _invocationCancellation.Token), CancellationToken.None));
            }
        }
    }

    private void Track(Task invocation)
    {
        lock (_inFlight)
        {
            _inFlight.Add(invocation);
        }

        invocation.ContinueWith(
            done =>
            {
                lock (_inFlight)
                {
                    _inFlight.Remove(done);
                }

                try
                {
                    _slotFreed.Release();
                }
                catch (ObjectDisposedException)
                {
                    // The pump is gone (an invocation outlived the shutdown): nobody waits for the slot.
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private int InFlightCount()
    {
        lock (_inFlight)
        {
            return _inFlight.Count;
        }
    }

    private async Task DrainAsync()
    {
        Task[] running;
        lock (_inFlight)
        {
            running = [.. _inFlight];
        }

        var all = Task.WhenAll(running);
        await Task.WhenAny(all, WhenCancelledAsync());
        if (!all.IsCompleted)
        {
            // Cancelled by the host's deadline: give the invocations a moment to observe it and release their messages.
            await Task.WhenAny(all, Task.Delay(CancelledDrainTimeout, CancellationToken.None));
            if (!all.IsCompleted)
            {
                QueueTriggerLog.DrainTimedOut(logger, FunctionName, running.Count(t => !t.IsCompleted));
            }
        }
    }

    private Task WhenCancelledAsync() => Task.Delay(Timeout.Infinite, _invocationCancellation.Token).ContinueWith(_ => { }, TaskScheduler.Default);
}
