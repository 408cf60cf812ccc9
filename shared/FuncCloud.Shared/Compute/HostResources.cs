namespace FuncCloud.Shared.Compute;

/// <summary>
/// A host's capacity and usage, in placement's resource classes (VCPU, MEMORY_MB, DISK_GB); nova's
/// <c>get_available_resource</c>. Used counts what the host's instances consume, including both flavors
/// of a resize awaiting confirmation.
/// </summary>
public sealed record HostResources(
    int VcpusTotal,
    int VcpusUsed,
    int MemoryMbTotal,
    int MemoryMbUsed,
    int DiskGbTotal,
    int DiskGbUsed)
{
    /// <summary>Placement's resource class name for virtual CPUs.</summary>
    public const string Vcpu = "VCPU";

    /// <summary>Placement's resource class name for RAM.</summary>
    public const string MemoryMb = "MEMORY_MB";

    /// <summary>Placement's resource class name for local disk.</summary>
    public const string DiskGb = "DISK_GB";
}
