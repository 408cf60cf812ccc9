using FuncCloud.Shared.Automation;

namespace FuncCloud.Functions.Automation.Envelope;

/// <summary>The credentials of an envelope: an application credential (id + secret) or a keystone token.</summary>
public sealed record AutomationCredentials(string? ApplicationCredentialId, string? ApplicationCredentialSecret, string? Token);

/// <summary>A validated envelope, ready to authenticate and run.</summary>
public sealed record AutomationEnvelope(
    string CorrelationId,
    AutomationCredentials Credentials,
    IReadOnlyList<AutomationStep> Steps,
    bool IsBatch,
    bool Compensate,
    int WaitTimeoutSeconds,
    string ReplyQueue);

/// <summary>
/// The request is refused before anything runs (bad envelope, bad credentials, a correlation id someone else owns).
/// <see cref="CorrelationId"/>/<see cref="ReplyQueue"/> are what could be read (null when not even that).
/// </summary>
public sealed class AutomationRejectedException(string reason, string? correlationId, string? replyQueue) : Exception(reason)
{
    /// <summary>The correlation id, when one could be read.</summary>
    public string? CorrelationId { get; } = correlationId;

    /// <summary>The reply queue, when one could be read.</summary>
    public string? ReplyQueue { get; } = replyQueue;
}
