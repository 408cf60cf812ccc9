namespace FuncCloud.Shared.Compute.Aggregates;

/// <summary>A host aggregate: a named set of compute hosts with metadata (an availability zone is the
/// <c>availability_zone</c> metadata key).</summary>
/// <param name="Id">nova's integer id.</param>
/// <param name="Uuid">The UUID (shown from 2.41).</param>
/// <param name="Name">Unique name.</param>
/// <param name="Hosts">Member host (node) names.</param>
/// <param name="Metadata">Key/value metadata.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Last change, or null.</param>
public sealed record Aggregate(
    int Id,
    string Uuid,
    string Name,
    IReadOnlyList<string> Hosts,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>The metadata key that makes an aggregate an availability zone.</summary>
    public const string AvailabilityZoneKey = "availability_zone";

    /// <summary>The zone this aggregate defines, or null.</summary>
    public string? AvailabilityZone => Metadata.GetValueOrDefault(AvailabilityZoneKey);
}
