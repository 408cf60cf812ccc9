using FuncCloud.Durable.Automation;
using FuncCloud.Functions.Automation.Envelope;
using FuncCloud.Shared.Automation;
using FuncCloud.Shared.Storage;
using FuncCloud.Shared.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Automation.Services;

/// <summary>
/// One message of <c>cloud-requests</c>: validate, authenticate, claim the correlation id (insert-if-absent),
/// keep the token beside the row, start the workflow whose instance id derives from the correlation id. A
/// redelivered or re-sent message finds its row: the owner gets the recorded result again (or the running
/// workflow is left to finish); nothing runs twice. Refusals get a reply and a results row, and return normally
/// so the message is never retried; only storage failures throw (the host retries, then poisons).
/// </summary>
public sealed partial class AutomationRequestReceiver(
    AutomationEnvelopeParser parser,
    AutomationAuthenticator authenticator,
    AutomationStore store,
    AutomationReplies replies,
    AutomationDispatcher dispatcher,
    IOptions<AutomationOptions> options,
    TimeProvider clock,
    ILogger<AutomationRequestReceiver> logger)
{
    /// <summary>Handles <paramref name="message"/> (decoded text) with queue id <paramref name="messageId"/>.</summary>
    public async Task ReceiveAsync(string message, string messageId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        AutomationEnvelope envelope;
        AutomationCaller caller;
        try
        {
            envelope = parser.Parse(message, messageId);
            caller = await authenticator.AuthenticateAsync(envelope, cancellationToken);
        }
        catch (AutomationRejectedException e)
        {
            await RejectAsync(e, message, messageId, cancellationToken);
            return;
        }

        var record = new AutomationRecord(
            envelope.CorrelationId, AutomationStatus.Running, null, envelope.IsBatch ? AutomationRecord.BatchKind : AutomationRecord.OperationKind,
            caller.ProjectId, caller.UserId, envelope.ReplyQueue, clock.GetUtcNow(), null, null, null);
        if (await store.TryClaimAsync(record, cancellationToken) is { } existing)
        {
            if (existing.Value.Status == AutomationStatus.Rejected)
            {
                // A refused request never ran: its corrected re-send takes the id over.
                await store.ReplaceAsync(existing, record, cancellationToken);
            }
            else if (!existing.Value.IsOwnedBy(caller.UserId, caller.ProjectId))
            {
                await RejectAsync(new AutomationRejectedException("the correlation id is already used by another request", envelope.CorrelationId, envelope.ReplyQueue), null, messageId, cancellationToken);
                return;
            }
            else if (existing.Value.IsComplete)
            {
                LogDuplicate(logger, envelope.CorrelationId, existing.Value.Status);
                await replies.SendAsync(existing.Value, cancellationToken);
                return;
            }
            else if (IsDirect(envelope))
            {
                await SettleInterruptedAsync(existing.Value, cancellationToken);
                return;
            }
        }

        if (IsDirect(envelope))
        {
            await ExecuteDirectAsync(envelope, caller, cancellationToken);
            return;
        }

        await store.SetTokenAsync(envelope.CorrelationId, new(caller.Token, caller.ExpiresAt), cancellationToken);
        await StartAsync(envelope, caller, durable, cancellationToken);
    }

    /// <summary>
    /// A single operation without <c>wait</c> needs no workflow: it runs here, once, right after the claim (the
    /// workflow's three durable steps would cost more than the operation).
    /// </summary>
    private static bool IsDirect(AutomationEnvelope envelope) => !envelope.IsBatch && !envelope.Steps[0].Wait;

    private async Task ExecuteDirectAsync(AutomationEnvelope envelope, AutomationCaller caller, CancellationToken cancellationToken)
    {
        var step = envelope.Steps[0];
        var response = await dispatcher.SendAsync(step, caller.Token, cancellationToken);
        var error = response.Succeeded ? null : response.Error ?? $"{step.Method} {step.Path} answered {response.StatusCode}";
        var result = new StepResult(step.Name, step.Method, step.Path, response, null, error);
        var completed = await store.CompleteAsync(
            new CompleteRequestInput(envelope.CorrelationId, error is null ? AutomationStatus.Succeeded : AutomationStatus.Failed, error, [result], [], envelope.ReplyQueue),
            clock.GetUtcNow(), CancellationToken.None);
        await replies.SendAsync(completed, CancellationToken.None);
    }

    /// <summary>
    /// A redelivered direct operation whose row still runs: another delivery is executing it, or a host died
    /// mid-call. Never run it again; once the call cannot be in flight any more, record that its outcome is unknown.
    /// </summary>
    private async Task SettleInterruptedAsync(AutomationRecord running, CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - running.CreatedAt < options.Value.OperationTimeout * 2)
        {
            LogDuplicate(logger, running.CorrelationId, running.Status);
            return;
        }

        var reason = "interrupted: the host stopped while the operation ran; its outcome is unknown and it was not run again";
        var completed = await store.CompleteAsync(new CompleteRequestInput(running.CorrelationId, AutomationStatus.Failed, reason, [], [], running.ReplyQueue), clock.GetUtcNow(), cancellationToken);
        await replies.SendAsync(completed, cancellationToken);
    }

    private async Task StartAsync(AutomationEnvelope envelope, AutomationCaller caller, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var instanceId = AutomationNames.InstanceId(envelope.CorrelationId);
        if (await durable.GetInstanceAsync(instanceId, cancellationToken) is not null)
        {
            LogDuplicate(logger, envelope.CorrelationId, AutomationStatus.Running);
            return;
        }

        var input = new AutomationWorkflowInput(envelope.CorrelationId, envelope.Steps, envelope.IsBatch, envelope.Compensate, envelope.WaitTimeoutSeconds, envelope.ReplyQueue);
        var options = new StartOrchestrationOptions(instanceId) { Tags = WorkflowTags.For(AutomationNames.WorkflowResourceType, envelope.CorrelationId, caller.ProjectId) };
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(nameof(AutomationWorkflow), input, options, cancellationToken);
            LogStarted(logger, envelope.CorrelationId, envelope.Steps.Count);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            if (await durable.GetInstanceAsync(instanceId, cancellationToken) is null)
            {
                throw;
            }

            // A concurrent delivery of the same message started it first.
            LogDuplicate(logger, envelope.CorrelationId, AutomationStatus.Running);
        }
    }

    private async Task RejectAsync(AutomationRejectedException rejection, string? message, string messageId, CancellationToken cancellationToken)
    {
        LogRejected(logger, rejection.CorrelationId ?? messageId, rejection.Message);
        var correlationId = rejection.CorrelationId ?? messageId;
        var record = new AutomationRecord(
            correlationId, AutomationStatus.Rejected, rejection.Message, AutomationRecord.OperationKind, null, null,
            rejection.ReplyQueue ?? AutomationNames.ReplyQueue, clock.GetUtcNow(), clock.GetUtcNow(), null, null);
        if (rejection.CorrelationId is null && message is not null)
        {
            // Not even a readable envelope: keep the message itself, with the reason, for whoever owns the queue.
            await replies.PoisonAsync(message, rejection.Message, messageId, cancellationToken);
        }

        if (message is not null)
        {
            // Record the refusal unless a real request owns the id (a refusal never overwrites someone's results).
            if (await store.TryClaimAsync(record, cancellationToken) is { Value.Status: AutomationStatus.Rejected } previous)
            {
                try
                {
                    await store.ReplaceAsync(previous, record, cancellationToken);
                }
                catch (ConcurrencyException)
                {
                    // Another refusal or the corrected request got there first; either is fine.
                }
            }
        }

        await replies.SendAsync(record, cancellationToken);
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Automation request {correlationId} started ({steps} steps)")]
    private static partial void LogStarted(ILogger logger, string correlationId, int steps);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Automation request {correlationId} received again ({status}): not run twice")]
    private static partial void LogDuplicate(ILogger logger, string correlationId, string status);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Automation request {correlationId} rejected: {reason}")]
    private static partial void LogRejected(ILogger logger, string correlationId, string reason);
}
