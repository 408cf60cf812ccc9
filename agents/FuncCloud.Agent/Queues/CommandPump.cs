using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using FuncCloud.Agent.Commands;
using FuncCloud.Agent.Hosting;
using FuncCloud.Shared.Agents;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Queues;

/// <summary>
/// Pulls one node's commands from <c>agent-&lt;node&gt;</c> with the Functions queue-trigger semantics: polling
/// with back-off when idle, a lease renewed while a command runs, and a message that fails
/// <see cref="AgentOptions.MaxDequeueCount"/> times (e.g. one that is not a command at all) moved to
/// <c>agent-&lt;node&gt;-poison</c>. Command failures are not message failures: they become failed results.
/// </summary>
public sealed class CommandPump(
    string nodeName,
    QueueClient queue,
    QueueClient poisonQueue,
    ICommandProcessor processor,
    AgentOptions options,
    ILogger logger)
{
    private readonly SemaphoreSlim _woken = new(0, 1);

    /// <summary>Ends the current idle wait: a command was just enqueued (<see cref="Nodes.CommandWakeLoop"/>).</summary>
    public void Wake()
    {
        try
        {
            _woken.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending: the next poll is immediate anyway.
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(options.MaxConcurrentCommands);
        var running = new List<Task>();
        var delay = options.MinPollInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(cancellationToken);
                var free = 1 + slots.CurrentCount;
                var messages = (await queue.ReceiveMessagesAsync(free, options.VisibilityTimeout, cancellationToken)).Value;
                slots.Release();
                if (messages.Length == 0)
                {
                    delay = await _woken.WaitAsync(delay, cancellationToken)
                        ? options.MinPollInterval
                        : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxPollInterval.Ticks));
                    continue;
                }

                delay = options.MinPollInterval;
                foreach (var message in messages)
                {
                    await slots.WaitAsync(cancellationToken);
                    running.Add(ProcessAndReleaseAsync(message, slots, cancellationToken));
                }

                running.RemoveAll(t => t.IsCompleted);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (RequestFailedException e)
            {
                PumpLog.ReceiveFailed(logger, nodeName, queue.Name, e.Status, e.Message);
                await DelayQuietlyAsync(options.MaxPollInterval, cancellationToken);
            }
        }

        await Task.WhenAll(running);
    }

    private async Task ProcessAndReleaseAsync(QueueMessage message, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            await ProcessAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage trouble while poisoning or releasing: the message reappears by itself; keep pumping.
            PumpLog.MessageFailed(logger, nodeName, message.MessageId, message.DequeueCount, e.Message);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        if (message.DequeueCount > options.MaxDequeueCount)
        {
            // It crashed the agent (or timed out) too often before: do not try again.
            await PoisonAsync(message, message.PopReceipt, "dequeued too often", cancellationToken);
            return;
        }

        var lease = new MessageLease(queue, message, options.VisibilityTimeout, logger);
        try
        {
            var command = Deserialize(message);
            await processor.ProcessAsync(command, cancellationToken);
            await lease.StopAsync();
            await queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the message reappears after its visibility timeout and the journal resumes it.
        }
        catch (Exception e)
        {
            await lease.StopAsync();
            await FailAsync(message, lease.PopReceipt, e, cancellationToken);
        }
        finally
        {
            await lease.DisposeAsync();
        }
    }

    private async Task FailAsync(QueueMessage message, string popReceipt, Exception error, CancellationToken cancellationToken)
    {
        PumpLog.MessageFailed(logger, nodeName, message.MessageId, message.DequeueCount, error.Message);
        try
        {
            if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await PoisonAsync(message, popReceipt, error.Message, cancellationToken);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, popReceipt, visibilityTimeout: options.RetryDelay, cancellationToken: cancellationToken);
            }
        }
        catch (RequestFailedException e)
        {
            // The message reappears by itself when its visibility runs out.
            PumpLog.ReleaseFailed(logger, nodeName, message.MessageId, e.Status, e.Message);
        }
    }

    private async Task PoisonAsync(QueueMessage message, string popReceipt, string reason, CancellationToken cancellationToken)
    {
        PumpLog.Poisoned(logger, nodeName, message.MessageId, message.DequeueCount, reason);
        await poisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await poisonQueue.SendMessageAsync(message.Body.ToString(), cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, popReceipt, cancellationToken);
    }

    private static AgentCommand Deserialize(QueueMessage message)
    {
        try
        {
            var command = JsonSerializer.Deserialize<AgentCommand>(message.Body.ToString(), AgentJson.Options);
            return command is { CommandId.Length: > 0, Kind.Length: > 0 }
                ? command
                : throw new InvalidAgentCommandException(message.MessageId, "the message lacks a command id or kind");
        }
        catch (JsonException e)
        {
            throw new InvalidAgentCommandException(message.MessageId, $"the message is not an AgentCommand: {e.Message}");
        }
    }

    private static async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
