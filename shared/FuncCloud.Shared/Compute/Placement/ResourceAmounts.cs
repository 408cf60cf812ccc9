using FuncCloud.Shared.Compute.Servers;

namespace FuncCloud.Shared.Compute.Placement;

/// <summary>An amount of each resource class (VCPU, MEMORY_MB, DISK_GB): a request, an allocation or a usage.</summary>
public sealed record ResourceAmounts(int Vcpus, int MemoryMb, int DiskGb)
{
    public static readonly ResourceAmounts Zero = new(0, 0, 0);

    /// <summary>What a server of <paramref name="flavor"/> claims (root + ephemeral + swap on local disk).</summary>
    public static ResourceAmounts Of(ServerFlavor flavor) => new(flavor.Vcpus, flavor.RamMb, flavor.ToSpec().DiskGb);

    public ResourceAmounts Add(ResourceAmounts other) => new(Vcpus + other.Vcpus, MemoryMb + other.MemoryMb, DiskGb + other.DiskGb);
}

/// <summary>What placement may allocate on a node: (total - reserved) × allocation ratio per class.</summary>
public sealed record NodeInventory(int Vcpus, int MemoryMb, int DiskGb)
{
    /// <summary>What is left after <paramref name="used"/>.</summary>
    public ResourceAmounts Free(ResourceAmounts used) => new(Vcpus - used.Vcpus, MemoryMb - used.MemoryMb, DiskGb - used.DiskGb);

    /// <summary>The first resource class <paramref name="request"/> does not fit in, or null when it fits.</summary>
    public string? Shortfall(ResourceAmounts used, ResourceAmounts request)
    {
        var free = Free(used);
        return request.MemoryMb > free.MemoryMb ? HostResources.MemoryMb
            : request.Vcpus > free.Vcpus ? HostResources.Vcpu
            : request.DiskGb > free.DiskGb ? HostResources.DiskGb
            : null;
    }
}
