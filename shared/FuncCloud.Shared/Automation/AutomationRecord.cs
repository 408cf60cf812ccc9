using System.Text.Json.Nodes;

namespace FuncCloud.Shared.Automation;

/// <summary>
/// The results row of one correlation id: claimed (insert-if-absent) before anything runs, completed once.
/// <see cref="ProjectId"/>/<see cref="UserId"/> are the authenticated owner (null when the request was rejected
/// before authentication succeeded).
/// </summary>
public sealed record AutomationRecord(
    string CorrelationId,
    string Status,
    string? Reason,
    string Kind,
    string? ProjectId,
    string? UserId,
    string ReplyQueue,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    JsonArray? Results,
    JsonArray? Compensation)
{
    /// <summary>A single operation.</summary>
    public const string OperationKind = "operation";

    /// <summary>A batch.</summary>
    public const string BatchKind = "batch";

    /// <summary>True once the outcome is recorded.</summary>
    public bool IsComplete => Status != AutomationStatus.Running;

    /// <summary>True when <paramref name="userId"/> in <paramref name="projectId"/> sent it.</summary>
    public bool IsOwnedBy(string? userId, string? projectId) =>
        UserId is not null && UserId == userId && ProjectId == projectId;
}

/// <summary>The token a running request executes with; deleted when the request completes.</summary>
public sealed record AutomationToken(string Token, DateTimeOffset ExpiresAt);
