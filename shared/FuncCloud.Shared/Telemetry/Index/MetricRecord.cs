namespace FuncCloud.Shared.Telemetry.Index;

/// <summary>
/// A gnocchi metric: a named series with a unit and an archive policy, optionally attached to a resource.
/// <see cref="ProjectId"/> is whose it is for visibility (the resource's project, else the creator's).
/// </summary>
public sealed record MetricRecord(
    string Id,
    string? Name,
    string? Unit,
    string ArchivePolicyName,
    string? ResourceId,
    string? ProjectId,
    string CreatorUserId,
    string? CreatorProjectId);
