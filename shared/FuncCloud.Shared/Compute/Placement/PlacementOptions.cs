namespace FuncCloud.Shared.Compute.Placement;

/// <summary>
/// How much of a node the scheduler may hand out, bound from <c>FuncCloud:Compute:Placement</c>: nova's
/// allocation ratios and reserved host resources. Usable = (total - reserved) × ratio.
/// </summary>
public sealed class PlacementOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "FuncCloud:Compute:Placement";

    /// <summary>nova's cpu_allocation_ratio default.</summary>
    public double CpuAllocationRatio { get; set; } = 16.0;

    /// <summary>nova's ram_allocation_ratio default.</summary>
    public double RamAllocationRatio { get; set; } = 1.5;

    /// <summary>nova's disk_allocation_ratio default.</summary>
    public double DiskAllocationRatio { get; set; } = 1.0;

    /// <summary>nova's reserved_host_cpus.</summary>
    public int ReservedHostCpus { get; set; }

    /// <summary>nova's reserved_host_memory_mb.</summary>
    public int ReservedHostMemoryMb { get; set; } = 512;

    /// <summary>nova's reserved_host_disk_mb, in GiB here.</summary>
    public int ReservedHostDiskGb { get; set; }

    /// <summary>The usable inventory of a node with <paramref name="resources"/>.</summary>
    public NodeInventory InventoryOf(HostResources resources) => new(
        Usable(resources.VcpusTotal, ReservedHostCpus, CpuAllocationRatio),
        Usable(resources.MemoryMbTotal, ReservedHostMemoryMb, RamAllocationRatio),
        Usable(resources.DiskGbTotal, ReservedHostDiskGb, DiskAllocationRatio));

    private static int Usable(int total, int reserved, double ratio) => (int)Math.Floor(Math.Max(0, total - reserved) * ratio);
}
