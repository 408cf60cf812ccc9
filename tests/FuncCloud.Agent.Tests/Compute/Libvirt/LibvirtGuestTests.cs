using System.Text;
using FuncCloud.Agent.Compute.Libvirt;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Compute;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Compute.Libvirt;

/// <summary>
/// A real guest through its life: funccloud-busybox boots under QEMU (TCG here), its progress shows in the
/// console log, it survives every power operation, a snapshot of it boots again, and destroy leaves nothing.
/// </summary>
[Collection(LibvirtCollection.Name)]
public sealed class LibvirtGuestTests(LibvirtFixture host) : IAsyncLifetime
{
    private const string Started = "funccloud-busybox: init started";
    private const string Finished = "funccloud-busybox: boot finished";

    // TCG boots take 7-15 s on an idle machine; a loaded 2-core CI machine gets minutes.
    private static readonly TimeSpan BootTimeout = TimeSpan.FromMinutes(4);
    private static readonly CancellationToken None = CancellationToken.None;

    private LibvirtComputeDriver _driver = null!;
    private LibvirtDriverOptions _options = null!;

    public Task InitializeAsync()
    {
        Skip.If(host.SkipReason is not null, host.SkipReason);
        (_driver, _options) = host.NewDriver(o => o.SoftRebootTimeout = TimeSpan.FromSeconds(90));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_driver is not null)
        {
            await host.CleanUpAsync(_driver, _options);
        }
    }

    [SkippableFact]
    public async Task Guest_BootsRunsEveryPowerOperationAndItsSnapshotBoots()
    {
        var spec = TestInstances.New() with { Image = host.Image };
        await _driver.SpawnAsync(spec, None);

        var console = await WaitForConsoleAsync(spec.ServerId, Finished, 1);
        console.ShouldContain(Started);
        console.ShouldContain("funccloud-busybox: modules loaded");
        console.ShouldContain("virtio_blk");
        console.ShouldContain("funccloud-busybox: httpd listening on :80");
        console.ShouldContain("funccloud-busybox: dropbear listening on :22");
        console.ShouldContain("funccloud-busybox: partitions:");
        console.ShouldContain(" vda");
        var stats = await _driver.GetInstanceStatsAsync(spec.ServerId, None);
        stats.CpuTimeNs.ShouldBeGreaterThan(0);
        stats.MemoryKb.ShouldBeGreaterThan(0);
        stats.DiskReadBytes.ShouldBeGreaterThan(0); // the guest read its partition table

        // The guest's acpid turns the ACPI power button into a clean poweroff.
        await _driver.PowerOffAsync(spec.ServerId, TimeSpan.FromSeconds(90), None);
        await StateShouldBeAsync(spec.ServerId, PowerState.Shutdown);
        (await _driver.GetConsoleOutputAsync(spec.ServerId, None)).ShouldContain("funccloud-busybox: power button, powering off");
        await _driver.PowerOnAsync(spec.ServerId, None);
        await WaitForConsoleAsync(spec.ServerId, Finished, 2);

        await _driver.RebootAsync(spec.ServerId, RebootType.Soft, None);
        await WaitForConsoleAsync(spec.ServerId, Finished, 3);
        await _driver.RebootAsync(spec.ServerId, RebootType.Hard, None);
        await WaitForConsoleAsync(spec.ServerId, Finished, 4);

        await _driver.PauseAsync(spec.ServerId, None);
        await StateShouldBeAsync(spec.ServerId, PowerState.Paused);
        await _driver.UnpauseAsync(spec.ServerId, None);
        await StateShouldBeAsync(spec.ServerId, PowerState.Running);

        await _driver.SuspendAsync(spec.ServerId, None);
        await StateShouldBeAsync(spec.ServerId, PowerState.Suspended);
        await _driver.ResumeAsync(spec.ServerId, None);
        await StateShouldBeAsync(spec.ServerId, PowerState.Running);
        // Restored, not rebooted: no fifth boot in the log.
        Count(await _driver.GetConsoleOutputAsync(spec.ServerId, None), Started).ShouldBe(4);

        // The snapshot is a raw disk of the flavor's root size that boots with the same kernel and ramdisk.
        var snapshot = Path.Combine(host.Root, $"snapshot-{Guid.NewGuid():N}.raw");
        await using (var file = File.Create(snapshot))
        {
            await _driver.SnapshotAsync(spec.ServerId, file, None);
        }

        new FileInfo(snapshot).Length.ShouldBe(TestInstances.Tiny.RootGb * 1024L * 1024 * 1024);
        Encoding.ASCII.GetString(File.ReadAllBytes(snapshot).AsSpan(0, 27)).ShouldBe("funccloud-busybox root disk");
        var fromSnapshot = TestInstances.New() with { Image = host.Image with { ImageRef = host.AddImage(snapshot) } };
        File.Delete(snapshot);
        await _driver.SpawnAsync(fromSnapshot, None);
        (await WaitForConsoleAsync(fromSnapshot.ServerId, Finished, 1)).ShouldContain(" vda");

        await _driver.DestroyAsync(spec.ServerId, None);
        await _driver.DestroyAsync(fromSnapshot.ServerId, None);
        (await host.DomainsAsync(_options.DomainPrefix)).ShouldBeEmpty();
        Directory.Exists(Path.Combine(_options.InstancesPath, spec.ServerId)).ShouldBeFalse(); // disk, console log, XML
        Directory.Exists(Path.Combine(_options.InstancesPath, fromSnapshot.ServerId)).ShouldBeFalse();
    }

    [SkippableFact]
    public async Task ConfigDrive_GuestWithoutNetworkReadsItsHostnameKeyAndUserData()
    {
        const string Key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq9d9uMmmUoxo+/hMtsbMT2lkCgVZkzl5QeNo8zJtF3 drive@test";
        var id = Guid.NewGuid().ToString();
        var meta = "{\"uuid\": \"" + id + "\", \"hostname\": \"from-config-drive.novalocal\", \"public_keys\": {\"k\": \"" + Key + "\"}}";
        var spec = TestInstances.New(id) with
        {
            Image = host.Image,
            ConfigDrive = true,
            ConfigDriveFiles =
            [
                File64("openstack/latest/meta_data.json", meta),
                File64("openstack/latest/user_data", "#!/bin/sh\necho user data ran from the drive\n"),
                File64("ec2/latest/meta-data.json", "{}"),
            ],
        };
        await _driver.SpawnAsync(spec, None);

        var console = await WaitForConsoleAsync(id, Finished, 1);
        console.ShouldContain("funccloud-busybox: config drive /dev/sr");
        console.ShouldContain("funccloud-busybox: hostname from-config-drive.novalocal");
        console.ShouldContain("funccloud-busybox: public key installed");
        console.ShouldContain("user data ran from the drive");
        console.ShouldNotContain("169.254.169.254"); // no network was needed
        var iso = Path.Combine(_options.InstancesPath, id, "disk.config");
        File.Exists(iso).ShouldBeTrue();
        File.Exists(iso + ".staging").ShouldBeFalse();

        await _driver.DestroyAsync(id, None);
        File.Exists(iso).ShouldBeFalse();
    }

    private static ConfigDriveFile File64(string path, string text) => new(path, Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));

    [SkippableFact]
    public async Task Resize_GrowsTheDiskTheGuestSees()
    {
        var spec = TestInstances.New() with { Image = host.Image };
        await _driver.SpawnAsync(spec, None);
        await WaitForConsoleAsync(spec.ServerId, Finished, 1);
        var bigger = TestInstances.Tiny with { Name = "m1.tiny-2g", RootGb = 2, MemoryMb = 640 };

        await _driver.MigrateDiskAndPowerOffAsync(spec.ServerId, bigger, None);
        await _driver.FinishMigrationAsync(spec.ServerId, bigger, powerOn: true, None);

        var console = await WaitForConsoleAsync(spec.ServerId, Finished, 2);
        console.ShouldContain("2097152 vda"); // 2 GiB in 1 KiB blocks, as /proc/partitions counts
        (await _driver.GetInstanceInfoAsync(spec.ServerId, None)).ShouldBe(new InstanceInfo(spec.ServerId, PowerState.Running, bigger, TestInstances.Tiny));
        await _driver.ConfirmMigrationAsync(spec.ServerId, None);
        File.Exists(Path.Combine(_options.InstancesPath, spec.ServerId, "disk.resize-backup")).ShouldBeFalse();
    }

    [SkippableFact]
    public async Task Volume_HotPlugsIntoTheRunningGuest_AndUnplugs()
    {
        var spec = TestInstances.New() with { Image = host.Image };
        await _driver.SpawnAsync(spec, None);
        await WaitForConsoleAsync(spec.ServerId, Finished, 1);
        var volumeFile = Path.Combine(host.Root, $"volume-{Guid.NewGuid():N}.qcow2");
        (await ProcessRunner.RunAsync("qemu-img", ["create", "-q", "-f", "qcow2", volumeFile, "1G"], TimeSpan.FromMinutes(1))).ExitCode.ShouldBe(0);
        var volumeId = Guid.NewGuid().ToString();
        var connection = new VolumeConnectionInfo("file", volumeFile, null, null, null, "qcow2");

        await _driver.AttachVolumeAsync(spec.ServerId, volumeId, "/dev/vdb", connection, None);
        await _driver.AttachVolumeAsync(spec.ServerId, volumeId, "/dev/vdb", connection, None); // a redelivered command

        // The guest lists its partitions again when they change: the 1 GiB disk appears as vdb.
        var console = await WaitForConsoleAsync(spec.ServerId, "partitions changed:", 1);
        console[console.LastIndexOf("partitions changed:", StringComparison.Ordinal)..].ShouldContain("1048576 vdb");

        await _driver.DetachVolumeAsync(spec.ServerId, volumeId, None);
        console = await WaitForConsoleAsync(spec.ServerId, "partitions changed:", 2);
        console[console.LastIndexOf("partitions changed:", StringComparison.Ordinal)..].ShouldNotContain("vdb");
        await _driver.DetachVolumeAsync(spec.ServerId, volumeId, None); // detaching what is not attached succeeds

        // A reboot redefines nothing away: attach again, power-cycle, the disk is still there.
        await _driver.AttachVolumeAsync(spec.ServerId, volumeId, "/dev/vdb", connection, None);
        await _driver.RebootAsync(spec.ServerId, RebootType.Hard, None);
        console = await WaitForConsoleAsync(spec.ServerId, Finished, 2);
        console[console.LastIndexOf("partitions:", StringComparison.Ordinal)..].ShouldContain("1048576 vdb");

        await _driver.DestroyAsync(spec.ServerId, None);
        File.Exists(volumeFile).ShouldBeTrue("destroy removes the instance's disks, never a volume");
        File.Delete(volumeFile);
    }

    private async Task<string> WaitForConsoleAsync(string serverId, string line, int times) =>
        await Poll.UntilAsync(
            async () => await _driver.GetConsoleOutputAsync(serverId, None) is { } text && Count(text, line) >= times ? text : null,
            $"'{line}' {times}x in the console of {serverId}",
            BootTimeout);

    private async Task StateShouldBeAsync(string serverId, PowerState expected) =>
        (await _driver.GetInstanceInfoAsync(serverId, None)).PowerState.ShouldBe(expected);

    private static int Count(string text, string line)
    {
        var count = 0;
        for (var at = text.IndexOf(line, StringComparison.Ordinal); at >= 0; at = text.IndexOf(line, at + line.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
