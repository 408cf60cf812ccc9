using System.Xml.Linq;
using FuncCloud.Agent.Compute.Libvirt;
using FuncCloud.Shared.Compute;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Compute.Libvirt;

public sealed class DomainXmlBuilderTests
{
    private static readonly Guid Id = Guid.Parse("6f0c7d3e-53c5-4a55-9a0e-0d3a3c1c9b11");

    private static readonly GuestPolicy Tcg = GuestPolicy.For(new LibvirtDriverOptions(), kvmUsable: false);

    private static DomainSpec Spec(string? kernel = null, params DomainInterface[] vifs) => new(
        "funccloud-" + Id, Id, "web <1> & co", 2, 1024, "/i/disk", kernel, kernel is null ? null : "/c/initrd", "/i/console.log", vifs);

    private static XElement Build(DomainSpec spec, GuestPolicy? policy = null) => XElement.Parse(DomainXmlBuilder.Build(spec, policy ?? Tcg));

    [Fact]
    public void VolumeDisk_FileAndIscsi_AreVirtioDisksWithTheVolumeAsSerial()
    {
        var volumeId = "0123456789abcdef0123456789abcdef";
        var file = DomainXmlBuilder.VolumeDisk(new DomainVolume(volumeId, "vdb", "file", "/v/volume", null, null, null, "qcow2"));
        file.Attribute("type")!.Value.ShouldBe("file");
        file.Element("source")!.Attribute("file")!.Value.ShouldBe("/v/volume");
        file.Element("driver")!.Attribute("type")!.Value.ShouldBe("qcow2");
        file.Element("target")!.Attribute("dev")!.Value.ShouldBe("vdb");
        file.Element("target")!.Attribute("bus")!.Value.ShouldBe("virtio");
        file.Element("serial")!.Value.ShouldBe(volumeId[..20]);

        var iscsi = DomainXmlBuilder.VolumeDisk(new DomainVolume(volumeId, "vdc", "iscsi", null, "10.0.0.5:3260", "iqn.2026-12.cloud.funccloud:v1", 1, "raw"));
        iscsi.Attribute("type")!.Value.ShouldBe("network");
        var source = iscsi.Element("source")!;
        source.Attribute("protocol")!.Value.ShouldBe("iscsi");
        source.Attribute("name")!.Value.ShouldBe("iqn.2026-12.cloud.funccloud:v1/1");
        source.Element("host")!.Attribute("name")!.Value.ShouldBe("10.0.0.5");
        source.Element("host")!.Attribute("port")!.Value.ShouldBe("3260");

        Should.Throw<ArgumentException>(() => DomainXmlBuilder.VolumeDisk(new DomainVolume(volumeId, "vdd", "rbd", null, null, null, null, "raw")));
    }

    [Fact]
    public void Build_ConfigDrive_ReadOnlyRawCdromOnVirtioScsi()
    {
        var devices = Build(Spec() with { ConfigDrivePath = "/i/disk.config" }).Element("devices")!;

        var cdrom = devices.Elements("disk").Single(d => d.Attribute("device")!.Value == "cdrom");
        cdrom.Element("source")!.Attribute("file")!.Value.ShouldBe("/i/disk.config");
        cdrom.Element("driver")!.Attribute("type")!.Value.ShouldBe("raw");
        cdrom.Element("target")!.Attribute("bus")!.Value.ShouldBe("scsi");
        cdrom.Element("target")!.Attribute("dev")!.Value.ShouldBe("sda");
        cdrom.Element("readonly").ShouldNotBeNull();
        devices.Elements("controller").Single().Attribute("model")!.Value.ShouldBe("virtio-scsi");

        // Without a drive: no CD-ROM and no controller for it.
        var plain = Build(Spec()).Element("devices")!;
        plain.Elements("disk").ShouldAllBe(d => d.Attribute("device")!.Value == "disk");
        plain.Elements("controller").ShouldBeEmpty();
    }

    [Fact]
    public void Build_AttachedVolumes_StayInTheDefinition()
    {
        var spec = Spec() with { Volumes = [new DomainVolume("v1", "vdb", "file", "/v/1", null, null, null, "raw")] };
        Build(spec).Element("devices")!.Elements("disk").Select(d => d.Element("target")!.Attribute("dev")!.Value).ShouldBe(["vda", "vdb"]);
    }

    [Fact]
    public void Build_TcgPolicy_QemuDomainWithEmulatedCpu()
    {
        var xml = Build(Spec());

        xml.Attribute("type")!.Value.ShouldBe("qemu");
        xml.Element("name")!.Value.ShouldBe("funccloud-" + Id);
        xml.Element("uuid")!.Value.ShouldBe(Id.ToString());
        xml.Element("title")!.Value.ShouldBe("web <1> & co"); // escaped by the XML writer, read back intact
        xml.Element("memory")!.Value.ShouldBe("1024");
        xml.Element("memory")!.Attribute("unit")!.Value.ShouldBe("MiB");
        xml.Element("vcpu")!.Value.ShouldBe("2");
        var cpu = xml.Element("cpu")!;
        cpu.Attribute("mode")!.Value.ShouldBe("custom");
        cpu.Element("model")!.Value.ShouldBe("qemu64");
        xml.Element("features")!.Elements().Select(e => e.Name.LocalName).ShouldBe(["acpi", "apic"]);
    }

    [Fact]
    public void Build_KvmPolicy_KvmDomainWithHostPassthrough()
    {
        var xml = Build(Spec(), GuestPolicy.For(new LibvirtDriverOptions(), kvmUsable: true));

        xml.Attribute("type")!.Value.ShouldBe("kvm");
        xml.Element("cpu")!.Attribute("mode")!.Value.ShouldBe("host-passthrough");
        xml.Element("cpu")!.Element("model").ShouldBeNull();
    }

    [Theory]
    [InlineData(VirtType.Auto, true, "kvm")]
    [InlineData(VirtType.Auto, false, "qemu")]
    [InlineData(VirtType.Kvm, false, "kvm")]
    [InlineData(VirtType.Qemu, true, "qemu")]
    public void GuestPolicyFor_VirtTypeSetting_ForcesOrDetects(VirtType setting, bool kvmUsable, string expected) =>
        GuestPolicy.For(new LibvirtDriverOptions { VirtType = setting }, kvmUsable).DomainType.ShouldBe(expected);

    [Fact]
    public void Build_DiskImage_BootsTheVirtioDiskFromItsOverlay()
    {
        var xml = Build(Spec());

        var os = xml.Element("os")!;
        os.Element("type")!.Attribute("machine")!.Value.ShouldBe("pc");
        os.Element("boot")!.Attribute("dev")!.Value.ShouldBe("hd");
        os.Element("kernel").ShouldBeNull();
        var disk = xml.Element("devices")!.Element("disk")!;
        disk.Element("driver")!.Attribute("type")!.Value.ShouldBe("qcow2");
        disk.Element("source")!.Attribute("file")!.Value.ShouldBe("/i/disk");
        disk.Element("target")!.Attribute("dev")!.Value.ShouldBe("vda");
        disk.Element("target")!.Attribute("bus")!.Value.ShouldBe("virtio");
    }

    [Fact]
    public void Build_KernelAndRamdisk_DirectKernelBootWithTheCommandLine()
    {
        var xml = Build(Spec(kernel: "/c/vmlinuz"));

        var os = xml.Element("os")!;
        os.Element("kernel")!.Value.ShouldBe("/c/vmlinuz");
        os.Element("initrd")!.Value.ShouldBe("/c/initrd");
        os.Element("cmdline")!.Value.ShouldContain("console=ttyS0");
        os.Element("boot").ShouldBeNull();
    }

    [Fact]
    public void Build_ScsiBus_AddsAVirtioScsiController()
    {
        var xml = Build(Spec(), Tcg with { DiskBus = "scsi" });

        var devices = xml.Element("devices")!;
        devices.Element("disk")!.Element("target")!.Attribute("dev")!.Value.ShouldBe("sda");
        devices.Element("controller")!.Attribute("model")!.Value.ShouldBe("virtio-scsi");
    }

    [Fact]
    public void Build_Ports_BridgeInterfacesWithTapMacAndMtu()
    {
        var xml = Build(Spec(null, new DomainInterface("fa:16:3e:00:00:01", "brq1234567890a", "tap1234567890a", 1450), new DomainInterface("fa:16:3e:00:00:02", "brqb", "tapb", null)));

        var nics = xml.Element("devices")!.Elements("interface").ToList();
        nics.Count.ShouldBe(2);
        nics[0].Attribute("type")!.Value.ShouldBe("bridge");
        nics[0].Element("mac")!.Attribute("address")!.Value.ShouldBe("fa:16:3e:00:00:01");
        nics[0].Element("source")!.Attribute("bridge")!.Value.ShouldBe("brq1234567890a");
        nics[0].Element("target")!.Attribute("dev")!.Value.ShouldBe("tap1234567890a");
        nics[0].Element("model")!.Attribute("type")!.Value.ShouldBe("virtio");
        nics[0].Element("mtu")!.Attribute("size")!.Value.ShouldBe("1450");
        nics[1].Element("mtu").ShouldBeNull();
    }

    [Fact]
    public void Build_NoPorts_NoInterfaceAndASerialConsoleLoggedToTheFile()
    {
        var xml = Build(Spec());

        var devices = xml.Element("devices")!;
        devices.Elements("interface").ShouldBeEmpty();
        var serial = devices.Element("serial")!;
        serial.Element("log")!.Attribute("file")!.Value.ShouldBe("/i/console.log");
        devices.Element("console")!.Element("target")!.Attribute("type")!.Value.ShouldBe("serial");
        xml.Element("os")!.Element("bios")!.Attribute("useserial")!.Value.ShouldBe("yes");
    }

    [Theory]
    [InlineData("running (booted)", PowerState.Running)]
    [InlineData("paused (user)", PowerState.Paused)]
    [InlineData("shut off (destroyed)", PowerState.Shutdown)]
    [InlineData("shut off (saved)", PowerState.Suspended)]
    [InlineData("crashed (panicked)", PowerState.Crashed)]
    [InlineData("in shutdown", PowerState.Running)]
    public void VirshParseState_DomstateReason_MapsToNovaPowerState(string output, PowerState expected) =>
        Virsh.ParseState(output + "\n").ShouldBe(expected);

    [Fact]
    public void InstanceStatsFrom_Domstats_SumsDisksAndNics()
    {
        var stats = InstanceStats.From("s", new Dictionary<string, string>
        {
            ["cpu.time"] = "123456789",
            ["balloon.current"] = "524288",
            ["block.0.rd.bytes"] = "100",
            ["block.1.rd.bytes"] = "20",
            ["block.0.wr.bytes"] = "7",
            ["net.0.rx.bytes"] = "1000",
            ["net.0.tx.bytes"] = "500",
            ["block.count"] = "2",
        });

        stats.ShouldBe(new InstanceStats("s", 123456789, 524288, 120, 7, 1000, 500));
    }

    [Fact]
    public void KvmProbe_NoDevice_IsNotUsable() =>
        KvmProbe.IsUsable(devKvm: "/nonexistent/kvm", sysModule: "/nonexistent").ShouldBeFalse();

    [Fact]
    public void InterfaceArgs_LiveGuest_BridgeMacTapVirtioLiveAndConfig()
    {
        Virsh.AttachInterfaceArgs("fc-1", "brq0123456789a", "fa:16:3e:00:00:01", "tap0123456789a", live: true)
            .ShouldBe(["attach-interface", "fc-1", "--type", "bridge", "--source", "brq0123456789a", "--mac", "fa:16:3e:00:00:01", "--target", "tap0123456789a", "--model", "virtio", "--live", "--config"]);
        Virsh.DetachInterfaceArgs("fc-1", "fa:16:3e:00:00:01", live: true)
            .ShouldBe(["detach-interface", "fc-1", "--type", "bridge", "--mac", "fa:16:3e:00:00:01", "--live", "--config"]);
    }

    [Fact]
    public void InterfaceArgs_StoppedGuest_DefinitionOnly() =>
        Virsh.DetachInterfaceArgs("fc-1", "fa:16:3e:00:00:01", live: false).ShouldNotContain("--live");
}
