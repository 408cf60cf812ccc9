namespace FuncCloud.Agent.Compute.Libvirt;

/// <summary>Which accelerator the guests use (nova's <c>[libvirt] virt_type</c>).</summary>
public enum VirtType
{
    /// <summary>KVM where <c>/dev/kvm</c> really works (see <see cref="KvmProbe"/>), else QEMU's TCG.</summary>
    Auto,

    /// <summary>Always KVM (<c>&lt;domain type='kvm'&gt;</c>).</summary>
    Kvm,

    /// <summary>Always TCG emulation (<c>&lt;domain type='qemu'&gt;</c>).</summary>
    Qemu,
}

/// <summary>The Libvirt driver's settings, bound from <c>FuncCloud:Agent:Libvirt</c>.</summary>
public sealed class LibvirtDriverOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "FuncCloud:Agent:Libvirt";

    /// <summary>The libvirt connection URI.</summary>
    public string Uri { get; set; } = "qemu:///system";

    /// <summary>
    /// Where each instance keeps its folder (overlay disk, console log, domain XML, state). QEMU runs as
    /// libvirt's unprivileged user, so every parent folder must be world-traversable.
    /// </summary>
    public string InstancesPath { get; set; } = "/var/lib/funccloud/instances";

    /// <summary>
    /// Domains are named this prefix + the server id; only domains with the prefix belong to the driver, so
    /// the driver never touches domains it did not create.
    /// </summary>
    public string DomainPrefix { get; set; } = "funccloud-";

    /// <summary>Accelerator: auto, kvm or qemu (TCG).</summary>
    public VirtType VirtType { get; set; } = VirtType.Auto;

    /// <summary>The machine type (nova's <c>hw_machine_type</c>); <c>pc</c> keeps PCI hot-plug simple.</summary>
    public string MachineType { get; set; } = "pc";

    /// <summary>The CPU model under TCG (KVM passes the host CPU through).</summary>
    public string EmulatedCpuModel { get; set; } = "qemu64";

    /// <summary>Disk bus of the root disk (nova's <c>hw_disk_bus</c>).</summary>
    public string DiskBus { get; set; } = "virtio";

    /// <summary>NIC model (nova's <c>hw_vif_model</c>).</summary>
    public string NicModel { get; set; } = "virtio";

    /// <summary>The kernel command line of images booted with a separate kernel (AKI/ARI).</summary>
    public string KernelCommandLine { get; set; } = "root=/dev/vda console=tty0 console=ttyS0";

    /// <summary>The most console output returned, from the end of the log (nova returns the last 100 KiB).</summary>
    public int ConsoleLogMaxBytes { get; set; } = 100 * 1024;

    /// <summary>How long a soft reboot waits for the guest to shut down before it falls back to hard (nova: 120 s).</summary>
    public TimeSpan SoftRebootTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>How long a resize waits for a clean shutdown before forcing it.</summary>
    public TimeSpan ResizeShutdownTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often state changes are polled while waiting for the guest.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
