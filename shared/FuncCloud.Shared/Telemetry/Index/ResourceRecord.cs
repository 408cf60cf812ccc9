namespace FuncCloud.Shared.Telemetry.Index;

/// <summary>
/// A gnocchi resource: a typed thing metrics hang off (an instance, its disks and ports, an image, a volume),
/// with its type's attributes, its lifetime (<see cref="StartedAt"/>/<see cref="EndedAt"/>), its metrics by name
/// and the start of its current revision (every change of an attribute starts a new revision; the old ones are
/// kept as history rows).
/// </summary>
public sealed record ResourceRecord(
    string Id,
    string Type,
    string? OriginalResourceId,
    string? ProjectId,
    string? UserId,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset RevisionStart,
    IReadOnlyDictionary<string, string?> Attributes,
    IReadOnlyDictionary<string, string> Metrics,
    string CreatorUserId,
    string? CreatorProjectId);

/// <summary>A past revision of a resource: its state from its revision start until <see cref="RevisionEnd"/>.</summary>
public sealed record ResourceRevision(ResourceRecord Resource, DateTimeOffset RevisionEnd);
