namespace FuncCloud.Agent.Compute.Libvirt;

/// <summary>
/// The host-dependent choices of a domain (nova's split between the libvirt "designer" and its config
/// policy): the builder turns any policy into XML without looking at the host.
/// </summary>
/// <param name="DomainType">libvirt's domain type: <c>kvm</c> or <c>qemu</c> (TCG).</param>
/// <param name="CpuModel">The emulated CPU model, or null to pass the host CPU through (KVM).</param>
/// <param name="MachineType">The machine type (<c>pc</c>, <c>q35</c>).</param>
/// <param name="DiskBus">The root disk's bus (<c>virtio</c>, <c>scsi</c>, <c>ide</c>).</param>
/// <param name="NicModel">The NIC model (<c>virtio</c>, <c>e1000</c>).</param>
/// <param name="KernelCommandLine">The command line of a directly booted kernel.</param>
public sealed record GuestPolicy(string DomainType, string? CpuModel, string MachineType, string DiskBus, string NicModel, string KernelCommandLine)
{
    /// <summary>The policy for <paramref name="options"/> on a host where KVM does (or does not) work.</summary>
    public static GuestPolicy For(LibvirtDriverOptions options, bool kvmUsable)
    {
        var kvm = options.VirtType switch
        {
            VirtType.Kvm => true,
            VirtType.Qemu => false,
            _ => kvmUsable,
        };
        return new GuestPolicy(
            kvm ? "kvm" : "qemu",
            kvm ? null : options.EmulatedCpuModel,
            options.MachineType,
            options.DiskBus,
            options.NicModel,
            options.KernelCommandLine);
    }
}
