namespace FuncCloud.Shared.Compute;

/// <summary>The sizes of a flavor that a compute driver needs to build an instance.</summary>
/// <param name="Name">The flavor's name (informational; drivers size by the numbers).</param>
/// <param name="Vcpus">Virtual CPUs.</param>
/// <param name="MemoryMb">RAM in MiB.</param>
/// <param name="RootGb">Root disk in GiB (0 means "the image's size", as in nova).</param>
/// <param name="EphemeralGb">Ephemeral disk in GiB.</param>
/// <param name="SwapMb">Swap disk in MiB.</param>
public sealed record FlavorSpec(string Name, int Vcpus, int MemoryMb, int RootGb, int EphemeralGb = 0, int SwapMb = 0)
{
    /// <summary>The local disk this flavor claims on the host, in GiB (root + ephemeral + swap rounded up).</summary>
    public int DiskGb => RootGb + EphemeralGb + (SwapMb + 1023) / 1024;
}
