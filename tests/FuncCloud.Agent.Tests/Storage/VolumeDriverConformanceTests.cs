using System.Security.Cryptography;
using Azure.Storage.Blobs;
using FuncCloud.Agent.Storage;
using FuncCloud.Shared.Storage;
using FuncCloud.Shared.Volume.Backups;
using FuncCloud.Testing;
using Shouldly;
using Xunit;

namespace FuncCloud.Agent.Tests.Storage;

/// <summary>The <see cref="IVolumeDriver"/> contract, run against every driver.</summary>
public abstract class VolumeDriverConformanceTests
{
    private const long Gib = 1L << 30;

    /// <summary>The driver under test.</summary>
    protected abstract IVolumeDriver Driver { get; }

    /// <summary>True when nothing of <paramref name="id"/> is left on the backend (files, targets).</summary>
    protected abstract Task<bool> NothingLeftOfAsync(string id);

    /// <summary>A raw image file to import, or null when the driver needs none.</summary>
    protected abstract Task<string> ImageFileAsync();

    /// <summary>True when the driver keeps the bytes written to a volume (a restore reads back).</summary>
    protected virtual bool KeepsBytes => false;

    [Fact]
    public async Task Backup_StreamedThroughBlobs_RestoresIntoAnotherVolume()
    {
        var source = Guid.NewGuid().ToString();
        var target = Guid.NewGuid().ToString();
        await Driver.CreateVolumeAsync(source, 1, VolumeFormat.Qcow2, CancellationToken.None);
        await Driver.CreateVolumeAsync(target, 1, VolumeFormat.Raw, CancellationToken.None);

        // Data in two places of the source, written through the restore path (a driver has no other write).
        var first = RandomNumberGenerator.GetBytes(1 << 20);
        var second = RandomNumberGenerator.GetBytes(5000);
        await Driver.RestoreRawAsync(source, async (stream, ct) =>
        {
            await stream.WriteAsync(first, ct);
            stream.Seek((300L << 20) + 7, SeekOrigin.Begin);
            await stream.WriteAsync(second, ct);
        }, CancellationToken.None);
        (await Driver.GetVolumeSizeBytesAsync(source, CancellationToken.None)).ShouldBe(Gib);

        var store = new VolumeBackupStore(new BlobServiceClient((await AzuriteServer.GetAsync()).ConnectionString), new StorageNames("bk" + Guid.NewGuid().ToString("N")[..8]));
        var prefix = $"volume-backups/{Guid.NewGuid()}/";
        VolumeBackupDigest digest;
        await using (var raw = await Driver.OpenRawAsync(source, snapshot: false, CancellationToken.None))
        {
            digest = await store.WriteAsync(prefix, raw, CancellationToken.None);
        }

        // 256 chunks of 4 MiB were read; only the non-zero ones (at most the two written) were stored, plus the manifest.
        digest.SizeBytes.ShouldBe(Gib);
        digest.ObjectCount.ShouldBeInRange(2, 3);
        digest.StoredBytes.ShouldBeLessThanOrEqualTo(2L * VolumeBackupStore.ChunkSize);
        (await store.ListAsync(prefix, CancellationToken.None)).Count.ShouldBe(digest.ObjectCount);

        await Driver.RestoreRawAsync(target, (stream, ct) => store.RestoreAsync(prefix, stream, ct), CancellationToken.None);
        (await Driver.GetVolumeSizeBytesAsync(target, CancellationToken.None)).ShouldBe(Gib);
        if (KeepsBytes)
        {
            (await HashAsync(target)).ShouldBe(await HashAsync(source));
            await using var restored = await Driver.OpenRawAsync(target, snapshot: false, CancellationToken.None);
            var head = new byte[first.Length];
            await restored.ReadExactlyAsync(head);
            head.ShouldBe(first);
        }

        (await store.DeleteAsync(prefix, CancellationToken.None)).ShouldBe(digest.ObjectCount);
        await Should.ThrowAsync<VolumeBackupDataException>(() => store.ManifestAsync(prefix, CancellationToken.None));
        await Driver.DeleteVolumeAsync(source, CancellationToken.None);
        await Driver.DeleteVolumeAsync(target, CancellationToken.None);
        (await NothingLeftOfAsync(source)).ShouldBeTrue();
        (await NothingLeftOfAsync(target)).ShouldBeTrue();
    }

    private async Task<string> HashAsync(string volumeId)
    {
        await using var raw = await Driver.OpenRawAsync(volumeId, snapshot: false, CancellationToken.None);
        return Convert.ToHexString(await SHA256.HashDataAsync(raw));
    }

    [Fact]
    public async Task Lifecycle_CreateSnapshotCloneExtendDelete_LeavesNothing()
    {
        var volume = Guid.NewGuid().ToString();
        var snapshot = Guid.NewGuid().ToString();
        var fromSnapshot = Guid.NewGuid().ToString();
        var clone = Guid.NewGuid().ToString();

        await Driver.CreateVolumeAsync(volume, 1, VolumeFormat.Qcow2, CancellationToken.None);
        await Driver.CreateVolumeAsync(volume, 1, VolumeFormat.Qcow2, CancellationToken.None); // a redelivered command
        (await Driver.GetVolumeSizeBytesAsync(volume, CancellationToken.None)).ShouldBe(Gib);

        await Driver.CreateSnapshotAsync(snapshot, volume, CancellationToken.None);
        await Driver.CreateVolumeFromSnapshotAsync(fromSnapshot, snapshot, 2, VolumeFormat.Qcow2, CancellationToken.None);
        (await Driver.GetVolumeSizeBytesAsync(fromSnapshot, CancellationToken.None)).ShouldBe(2 * Gib);

        await Driver.CloneVolumeAsync(clone, volume, 1, VolumeFormat.Qcow2, CancellationToken.None);
        await Driver.ExtendVolumeAsync(volume, 3, CancellationToken.None);
        (await Driver.GetVolumeSizeBytesAsync(volume, CancellationToken.None)).ShouldBe(3 * Gib);
        (await Driver.GetVolumeSizeBytesAsync(clone, CancellationToken.None)).ShouldBe(Gib);

        // Snapshots are independent: the volume goes first, the snapshot still makes volumes.
        await Driver.DeleteVolumeAsync(volume, CancellationToken.None);
        (await Driver.ListVolumesAsync(CancellationToken.None)).ShouldNotContain(volume);
        await Driver.DeleteSnapshotAsync(snapshot, CancellationToken.None);
        await Driver.DeleteVolumeAsync(fromSnapshot, CancellationToken.None);
        await Driver.DeleteVolumeAsync(clone, CancellationToken.None);
        await Driver.DeleteVolumeAsync(clone, CancellationToken.None); // missing succeeds
        await Driver.DeleteSnapshotAsync(snapshot, CancellationToken.None);

        foreach (var id in new[] { volume, snapshot, fromSnapshot, clone })
        {
            (await NothingLeftOfAsync(id)).ShouldBeTrue(id);
        }
    }

    [Fact]
    public async Task Import_RawImageIntoQcow2_SizedToTheVolume()
    {
        var volume = Guid.NewGuid().ToString();
        await Driver.ImportImageAsync(volume, await ImageFileAsync(), "raw", 1, VolumeFormat.Qcow2, CancellationToken.None);
        (await Driver.GetVolumeSizeBytesAsync(volume, CancellationToken.None)).ShouldBe(Gib);
        await Driver.DeleteVolumeAsync(volume, CancellationToken.None);
        (await NothingLeftOfAsync(volume)).ShouldBeTrue();
    }

    [Fact]
    public async Task Export_LocalPathOrIscsi_RemovedWithTheVolume()
    {
        var volume = Guid.NewGuid().ToString();
        await Driver.CreateVolumeAsync(volume, 1, VolumeFormat.Raw, CancellationToken.None);
        var local = await Driver.ExportAsync(volume, new VolumeConnector("same", SameNode: true), CancellationToken.None);
        local.DriverVolumeType.ShouldBe("file");
        local.Path.ShouldNotBeNullOrEmpty();

        var remote = await Driver.ExportAsync(volume, new VolumeConnector("other", SameNode: false), CancellationToken.None);
        remote.DriverVolumeType.ShouldBe("iscsi");
        remote.TargetIqn.ShouldNotBeNull().ShouldEndWith(volume);
        remote.TargetLun.ShouldBe(1);
        (await Driver.ExportAsync(volume, new VolumeConnector("other", SameNode: false), CancellationToken.None)).TargetIqn.ShouldBe(remote.TargetIqn);

        await Driver.DeleteVolumeAsync(volume, CancellationToken.None);
        (await NothingLeftOfAsync(volume)).ShouldBeTrue();
    }

    [Fact]
    public async Task Missing_OperationsThrowNotFound()
    {
        var missing = Guid.NewGuid().ToString();
        await Should.ThrowAsync<VolumeNotFoundOnBackendException>(() => Driver.ExtendVolumeAsync(missing, 2, CancellationToken.None));
        await Should.ThrowAsync<VolumeNotFoundOnBackendException>(() => Driver.CreateSnapshotAsync(Guid.NewGuid().ToString(), missing, CancellationToken.None));
        await Should.ThrowAsync<VolumeNotFoundOnBackendException>(() => Driver.CreateVolumeFromSnapshotAsync(Guid.NewGuid().ToString(), missing, 1, VolumeFormat.Qcow2, CancellationToken.None));
        await Driver.DeleteVolumeAsync(missing, CancellationToken.None);
        await Driver.DeleteSnapshotAsync(missing, CancellationToken.None);
    }
}
