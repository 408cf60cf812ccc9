namespace FuncCloud.Shared.Volume.Pools;

/// <summary>
/// A storage pool (cinder's <c>host@backend#pool</c>) with its capacity and the claims on it. Claims are kept
/// per volume so a retried claim or release never counts twice; every change is an ETag compare-and-swap, so
/// concurrent creates never over-commit. <paramref name="Node"/> is the storage node whose agent reports the pool
/// (its heartbeat refreshes <paramref name="UpdatedAt"/>) and runs the volume commands.
/// </summary>
public sealed record StoragePoolRecord(
    string Name,
    string Host,
    string BackendName,
    string AvailabilityZone,
    string Driver,
    int TotalCapacityGb,
    int ReservedPercentage,
    double MaxOverSubscriptionRatio,
    bool ThinProvisioning,
    IReadOnlyDictionary<string, int> Claims,
    DateTimeOffset UpdatedAt,
    string? Node = null)
{
    /// <summary>The gigabytes claimed by volumes and snapshots.</summary>
    public int ProvisionedGb => Claims.Values.Sum();

    /// <summary>The gigabytes cinder's capacity filter lets volumes claim: total less reserved, times the over-subscription ratio when thin.</summary>
    public int AllocatableGb => (int)Math.Floor(TotalCapacityGb * (100 - ReservedPercentage) / 100.0 * (ThinProvisioning ? MaxOverSubscriptionRatio : 1.0));

    /// <summary>The storage node of a pool name <c>node@backend#pool</c> (the node's agent runs the pool's commands).</summary>
    public static string NodeOfPool(string poolName) => poolName.Split('@')[0];

    /// <summary>The gigabytes still free to claim.</summary>
    public int FreeGb => Math.Max(0, AllocatableGb - ProvisionedGb);
}
