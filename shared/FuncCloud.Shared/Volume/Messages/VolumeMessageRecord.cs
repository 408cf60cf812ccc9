namespace FuncCloud.Shared.Volume.Messages;

/// <summary>
/// A user message (cinder's <c>/messages</c>, 3.3+): how cinder tells a user why an asynchronous operation
/// failed, e.g. which scheduler filter left no pool for a volume.
/// </summary>
public sealed record VolumeMessageRecord(
    string Id,
    string ProjectId,
    string EventId,
    string UserMessage,
    string MessageLevel,
    string ResourceType,
    string? ResourceId,
    string? RequestId,
    DateTimeOffset CreatedAt,
    DateTimeOffset GuaranteedUntil);
