namespace FuncCloud.Shared.Volume.Pools;

/// <summary>
/// The pools of the built-in Fake backend (state only), bound from <c>FuncCloud:Volume:FakePools</c>. Until
/// storage-node agents report their own pools, these are the pools the scheduler places volumes on.
/// </summary>
public sealed class StoragePoolOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "FuncCloud:Volume";

    /// <summary>The pools; one 1000 GB pool <c>local@fake#fake</c> when none is configured.</summary>
    public List<FakePoolOptions> FakePools { get; set; } = [];

    /// <summary>The configured pools, or the single default one.</summary>
    public IReadOnlyList<FakePoolOptions> Effective => FakePools.Count > 0 ? FakePools : [new FakePoolOptions()];
}

/// <summary>One Fake pool.</summary>
public sealed class FakePoolOptions
{
    public string Host { get; set; } = "local";
    public string Backend { get; set; } = "fake";
    public string Pool { get; set; } = "fake";
    public string AvailabilityZone { get; set; } = "nova";
    public int CapacityGb { get; set; } = 1000;
    public int ReservedPercentage { get; set; }
    public double MaxOverSubscriptionRatio { get; set; } = 1.0;
    public bool ThinProvisioning { get; set; }

    /// <summary>cinder's pool name, <c>host@backend#pool</c>.</summary>
    public string Name => $"{Host}@{Backend}#{Pool}";
}
