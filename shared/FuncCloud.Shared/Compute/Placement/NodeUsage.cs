namespace FuncCloud.Shared.Compute.Placement;

/// <summary>
/// The allocations granted on one node (placement's allocations of its resource provider), keyed by consumer:
/// a server id, or <c>{serverId}:resize</c> for the new flavor of a resize awaiting confirm/revert. The whole
/// document is compare-and-swapped, so two claims racing for the last room cannot both win.
/// </summary>
public sealed record NodeUsage(string Node, IReadOnlyDictionary<string, ResourceAmounts> Allocations)
{
    /// <summary>The sum of every allocation.</summary>
    public ResourceAmounts Used => Allocations.Values.Aggregate(ResourceAmounts.Zero, (sum, a) => sum.Add(a));

    public static NodeUsage Empty(string node) => new(node, new Dictionary<string, ResourceAmounts>());
}

/// <summary>The outcome of a claim.</summary>
/// <param name="Claimed">True when the allocation is held.</param>
/// <param name="Reason">Why not, in an operator's words (which resource, needed and free).</param>
public sealed record ClaimResult(bool Claimed, string? Reason)
{
    public static readonly ClaimResult Success = new(true, null);
}
