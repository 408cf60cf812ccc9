using System.Globalization;
using System.Xml.Linq;

namespace FuncCloud.Agent.Compute.Libvirt;

/// <summary>
/// Turns a <see cref="DomainSpec"/> and a <see cref="GuestPolicy"/> into libvirt domain XML. Pure: no host
/// access, so every choice is unit-tested from its inputs.
/// </summary>
public static class DomainXmlBuilder
{
    /// <summary>The domain XML.</summary>
    public static string Build(DomainSpec spec, GuestPolicy policy)
    {
        var domain = new XElement("domain",
            new XAttribute("type", policy.DomainType),
            new XElement("name", spec.Name),
            new XElement("uuid", spec.Uuid.ToString("D")),
            new XElement("title", spec.Title),
            new XElement("memory", new XAttribute("unit", "MiB"), Invariant(spec.MemoryMb)),
            new XElement("vcpu", Invariant(spec.Vcpus)),
            Os(spec, policy),
            // ACPI for clean shutdown and APIC for PCI hot-plug (disks attach later through it).
            new XElement("features", new XElement("acpi"), new XElement("apic")),
            Cpu(policy),
            new XElement("clock", new XAttribute("offset", "utc")),
            new XElement("on_poweroff", "destroy"),
            new XElement("on_reboot", "restart"),
            new XElement("on_crash", "destroy"),
            Devices(spec, policy));
        return domain.ToString();
    }

    private static XElement Os(DomainSpec spec, GuestPolicy policy)
    {
        var os = new XElement("os",
            new XElement("type", new XAttribute("arch", "x86_64"), new XAttribute("machine", policy.MachineType), "hvm"));
        if (spec.KernelPath is { } kernel)
        {
            os.Add(new XElement("kernel", kernel));
            if (spec.RamdiskPath is { } ramdisk)
            {
                os.Add(new XElement("initrd", ramdisk));
            }

            os.Add(new XElement("cmdline", policy.KernelCommandLine));
        }
        else
        {
            os.Add(new XElement("boot", new XAttribute("dev", "hd")));
        }

        // The firmware's messages on the serial console too: the log shows a guest that never reaches its kernel.
        os.Add(new XElement("bios", new XAttribute("useserial", "yes")));
        return os;
    }

    private static XElement Cpu(GuestPolicy policy) => policy.CpuModel is { } model
        ? new XElement("cpu", new XAttribute("mode", "custom"), new XAttribute("match", "exact"), new XAttribute("check", "none"),
            new XElement("model", new XAttribute("fallback", "allow"), model))
        : new XElement("cpu", new XAttribute("mode", "host-passthrough"));

    private static XElement Devices(DomainSpec spec, GuestPolicy policy)
    {
        var devices = new XElement("devices",
            new XElement("disk", new XAttribute("type", "file"), new XAttribute("device", "disk"),
                new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", "qcow2")),
                new XElement("source", new XAttribute("file", spec.DiskPath)),
                new XElement("target", new XAttribute("dev", DiskTarget(policy.DiskBus)), new XAttribute("bus", policy.DiskBus))));
        if (policy.DiskBus == "scsi" || spec.ConfigDrivePath is not null)
        {
            devices.Add(new XElement("controller", new XAttribute("type", "scsi"), new XAttribute("model", "virtio-scsi")));
        }

        if (spec.ConfigDrivePath is { } configDrive)
        {
            devices.Add(ConfigDriveCdrom(configDrive, policy));
        }

        foreach (var volume in spec.Volumes ?? [])
        {
            devices.Add(VolumeDisk(volume));
        }

        foreach (var vif in spec.Interfaces)
        {
            var nic = new XElement("interface", new XAttribute("type", "bridge"),
                new XElement("mac", new XAttribute("address", vif.MacAddress)),
                new XElement("source", new XAttribute("bridge", vif.Bridge)),
                new XElement("target", new XAttribute("dev", vif.Tap)),
                new XElement("model", new XAttribute("type", policy.NicModel)));
            if (vif.Mtu is { } mtu)
            {
                nic.Add(new XElement("mtu", new XAttribute("size", Invariant(mtu))));
            }

            devices.Add(nic);
        }

        // The serial console goes to a pty whose output virtlogd also writes to the log file (it rotates
        // the file, so a chatty guest cannot fill the disk).
        devices.Add(
            new XElement("serial", new XAttribute("type", "pty"),
                new XElement("log", new XAttribute("file", spec.ConsoleLogPath), new XAttribute("append", "on")),
                new XElement("target", new XAttribute("port", "0"))),
            new XElement("console", new XAttribute("type", "pty"),
                new XElement("target", new XAttribute("type", "serial"), new XAttribute("port", "0"))),
            new XElement("memballoon", new XAttribute("model", "virtio")));
        return devices;
    }

    /// <summary>
    /// The config drive as a read-only CD-ROM. nova puts it on IDE (<c>hdd</c>) on the pc machine; here it is on the
    /// virtio-scsi controller, whose drivers (virtio_scsi, sr_mod) guests load as modules like the virtio ones,
    /// where IDE's (ata_piix) are not in the test guest.
    /// </summary>
    private static XElement ConfigDriveCdrom(string path, GuestPolicy policy) =>
        new("disk", new XAttribute("type", "file"), new XAttribute("device", "cdrom"),
            new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", "raw")),
            new XElement("source", new XAttribute("file", path)),
            new XElement("target", new XAttribute("dev", policy.DiskBus == "scsi" ? "sdb" : "sda"), new XAttribute("bus", "scsi")),
            new XElement("readonly"));

    /// <summary>
    /// The disk element of an attached volume, on virtio (PCI, so it hot-plugs on any machine type): a file, or an
    /// iSCSI LUN opened by QEMU's own libiscsi (no host initiator needed on the compute node).
    /// </summary>
    /// <exception cref="ArgumentException">The connection is neither <c>file</c> nor <c>iscsi</c>, or lacks what its kind needs.</exception>
    public static XElement VolumeDisk(DomainVolume volume)
    {
        var driver = new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", volume.Format), new XAttribute("cache", "none"));
        var target = new XElement("target", new XAttribute("dev", volume.Target), new XAttribute("bus", "virtio"));
        var serial = new XElement("serial", volume.VolumeId.Length > 20 ? volume.VolumeId[..20] : volume.VolumeId);
        switch (volume.Kind)
        {
            case "file" when volume.Path is { } path:
                return new XElement("disk", new XAttribute("type", "file"), new XAttribute("device", "disk"),
                    driver, new XElement("source", new XAttribute("file", path)), target, serial);
            case "iscsi" when volume.Portal is { } portal && volume.Iqn is { } iqn:
                var colon = portal.LastIndexOf(':');
                var (host, port) = colon > 0 ? (portal[..colon], portal[(colon + 1)..]) : (portal, "3260");
                return new XElement("disk", new XAttribute("type", "network"), new XAttribute("device", "disk"),
                    driver,
                    new XElement("source", new XAttribute("protocol", "iscsi"), new XAttribute("name", $"{iqn}/{Invariant(volume.Lun ?? 0)}"),
                        new XElement("host", new XAttribute("name", host), new XAttribute("port", port))),
                    target, serial);
            default:
                throw new ArgumentException($"Volume {volume.VolumeId}: connection type '{volume.Kind}' without what it needs cannot be attached.", nameof(volume));
        }
    }

    private static string DiskTarget(string bus) => bus switch
    {
        "virtio" => "vda",
        "ide" => "hda",
        _ => "sda",
    };

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
