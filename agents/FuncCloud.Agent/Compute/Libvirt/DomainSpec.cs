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
/// <param name="Volumes">The attached volumes (kept in the definition, so a redefine keeps them).</param>
/// <param name="ConfigDrivePath">The config drive ISO, attached read-only as a CD-ROM, or null.</param>
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
    IReadOnlyList<DomainInterface> Interfaces,
    IReadOnlyList<DomainVolume>? Volumes = null,
    string? ConfigDrivePath = null);

/// <summary>A VIF: a tap on a host bridge.</summary>
/// <param name="MacAddress">The port's MAC.</param>
/// <param name="Bridge">The host bridge.</param>
/// <param name="Tap">The tap device name.</param>
/// <param name="Mtu">The network's MTU, if known.</param>
public sealed record DomainInterface(string MacAddress, string Bridge, string Tap, int? Mtu);

/// <summary>An attached volume: a local file, or an iSCSI LUN that QEMU opens itself (libiscsi).</summary>
/// <param name="VolumeId">The Cinder volume id (its first 20 characters are the disk's serial, as nova sets it).</param>
/// <param name="Target">The guest device name without <c>/dev/</c> (<c>vdb</c>).</param>
/// <param name="Kind"><c>file</c> or <c>iscsi</c>.</param>
/// <param name="Path">The file (file).</param>
/// <param name="Portal">The portal <c>host:port</c> (iscsi).</param>
/// <param name="Iqn">The target IQN (iscsi).</param>
/// <param name="Lun">The LUN (iscsi).</param>
/// <param name="Format">The disk format (<c>qcow2</c> or <c>raw</c>).</param>
public sealed record DomainVolume(string VolumeId, string Target, string Kind, string? Path, string? Portal, string? Iqn, int? Lun, string Format);
