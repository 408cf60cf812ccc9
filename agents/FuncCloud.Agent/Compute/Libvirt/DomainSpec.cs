namespace FuncCloud.Agent.Compute.Libvirt;

/// <summary>What one domain is made of, independent of the host (the builder's input beside <see cref="GuestPolicy"/>).</summary>
/// <param name="Name">The libvirt domain name.</param>
/// <param name="Uuid">The domain UUID (the server id when it is one).</param>
/// <param name="Title">A human title (the server's name).</param>
/// <param name="Vcpus">Virtual CPUs.</param>
/// <param name="MemoryMb">RAM in MiB.</param>
/// <param name="DiskPath">The root disk (a qcow2 overlay).</param>
/// <param name="KernelPath">A kernel to boot directly (AKI), or null to boot the disk.</param>
/// <param name="RamdiskPath">The initramfs of a directly booted kernel (ARI), or null.</param>
/// <param name="ConsoleLogPath">Where the serial console is logged (by virtlogd).</param>
/// <param name="Interfaces">The VIFs.</param>
public sealed record DomainSpec(
    string Name,
    Guid Uuid,
    string Title,
    int Vcpus,
    int MemoryMb,
    string DiskPath,
    string? KernelPath,
    string? RamdiskPath,
    string ConsoleLogPath,
    IReadOnlyList<DomainInterface> Interfaces);

/// <summary>A VIF: a tap on a host bridge.</summary>
/// <param name="MacAddress">The port's MAC.</param>
/// <param name="Bridge">The host bridge.</param>
/// <param name="Tap">The tap device name.</param>
/// <param name="Mtu">The network's MTU, if known.</param>
public sealed record DomainInterface(string MacAddress, string Bridge, string Tap, int? Mtu);
