namespace FuncCloud.Agent.Compute.Fake;

/// <summary>
/// The Fake driver's host and behaviour, bound from <c>FuncCloud:Agent:Fake</c>. Every node the process
/// hosts gets its own driver with these settings.
/// </summary>
public sealed class FakeDriverOptions
{
    /// <summary>Virtual CPUs the fake host offers.</summary>
    public int Vcpus { get; set; } = 16;

    /// <summary>RAM the fake host offers, in MiB.</summary>
    public int MemoryMb { get; set; } = 32768;

    /// <summary>Local disk the fake host offers, in GiB.</summary>
    public int DiskGb { get; set; } = 500;

    /// <summary>
    /// Refuse a spawn or resize beyond the physical size. Off by default, as nova's fake driver: the driver
    /// trusts placement, whose allocation ratios over-commit (1.5× RAM), so what does not fit is a
    /// "No valid host" at scheduling, never a spawn failure. Turn on to catch a scheduler that over-commits
    /// beyond the ratios.
    /// </summary>
    public bool EnforceCapacity { get; set; }

    /// <summary>
    /// Keep each node's instances in <c>&lt;StateFolder&gt;/&lt;node&gt;/fake-instances.json</c>, so they survive an
    /// agent restart as a hypervisor's domains do. Off only for throw-away simulations.
    /// </summary>
    public bool PersistInstances { get; set; } = true;

    /// <summary>How long every mutating operation takes unless <see cref="Operations"/> says otherwise.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>The console log every new instance starts with.</summary>
    public string ConsoleOutput { get; set; } = "FAKE CONSOLE OUTPUT\nfake login: ";

    /// <summary>
    /// Upper bound of a snapshot's size: a Fake snapshot is the flavor's root disk as a generated raw image,
    /// capped to this many bytes so that scale runs do not move gigabytes (see <see cref="FakeSnapshotContent"/>).
    /// </summary>
    public long SnapshotMaxBytes { get; set; } = FakeSnapshotContent.DefaultMaxBytes;

    /// <summary>What every new guest does (CPU, memory, disk and network rates) until <see cref="FakeComputeDriver.SetLoad"/> changes it.</summary>
    public FakeLoad Load { get; set; } = new();

    /// <summary>Seed of the failure-probability dice, for reproducible runs; null for a random seed.</summary>
    public int? RandomSeed { get; set; }

    /// <summary>Per-operation latency and failure injection, keyed by <see cref="FakeOperation"/> name.</summary>
    public Dictionary<string, FakeOperationOptions> Operations { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Latency and failure injection for one <see cref="FakeOperation"/>.</summary>
public sealed class FakeOperationOptions
{
    /// <summary>Overrides <see cref="FakeDriverOptions.Latency"/> for this operation.</summary>
    public TimeSpan? Latency { get; set; }

    /// <summary>Probability (0..1) that a call fails.</summary>
    public double FailureProbability { get; set; }

    /// <summary>The 1-based call numbers that fail (e.g. [3] fails the third call).</summary>
    public List<int> FailOnCalls { get; set; } = [];
}
