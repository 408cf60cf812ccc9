using System.Globalization;
using System.Text.Json;
using FuncCloud.Agent.Privileged;

namespace FuncCloud.Agent.Storage.File;

/// <summary>
/// Volumes as files made with <c>qemu-img</c> under the node's state folder (LVM cannot run on this machine
/// kind): <c>volumes/{id}.qcow2|raw</c>, snapshots as standalone qcow2 copies in <c>snapshots/{id}.qcow2</c>
/// (no backing chains, so anything deletes in any order). Every file is built as <c>*.part</c> and renamed
/// when complete, so a failed create leaves nothing. Exports: the local path on the same node, otherwise an
/// iSCSI target through <c>tgtadm</c> (raw volumes only: tgt serves a file's bytes as the disk).
/// </summary>
public sealed class FileVolumeDriver(FileVolumeOptions options, HostCommand host) : IVolumeDriver
{
    private const long Gib = 1L << 30;
    private static readonly SemaphoreSlim TargetLock = new(1, 1);

    /// <inheritdoc />
    public string Name => "file";

    private string VolumesFolder => Directory.CreateDirectory(Path.Combine(options.Folder, "volumes")).FullName;

    private string SnapshotsFolder => Directory.CreateDirectory(Path.Combine(options.Folder, "snapshots")).FullName;

    // Raw copies made for a backup or a restore; each is removed when its stream closes or the restore ends.
    private string TransferFolder => Directory.CreateDirectory(Path.Combine(options.Folder, "transfer")).FullName;

    /// <inheritdoc />
    public async Task<VolumePoolStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        long bytes = 0;
        foreach (var file in Directory.EnumerateFiles(VolumesFolder).Concat(Directory.EnumerateFiles(SnapshotsFolder)).Where(f => !f.EndsWith(".part", StringComparison.Ordinal)))
        {
            bytes += await VirtualSizeAsync(file, cancellationToken);
        }

        var provisioned = (bytes + Gib - 1) / Gib;
        return new VolumePoolStats("file", options.CapacityGb, Math.Max(0, options.CapacityGb - provisioned), provisioned, true);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListVolumesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. Directory.EnumerateFiles(VolumesFolder).Where(f => !f.EndsWith(".part", StringComparison.Ordinal)).Select(Path.GetFileNameWithoutExtension).OfType<string>()]);

    /// <inheritdoc />
    public Task<long> GetVolumeSizeBytesAsync(string volumeId, CancellationToken cancellationToken) => VirtualSizeAsync(VolumePath(volumeId), cancellationToken);

    /// <inheritdoc />
    public async Task CreateVolumeAsync(string volumeId, int sizeGb, VolumeFormat format, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(volumeId, sizeGb, cancellationToken))
        {
            return;
        }

        await BuildAsync(NewPath(volumeId, format), part => host.RunAsync(options.QemuImg, ["create", "-q", "-f", Format(format), part, Size(sizeGb)], cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async Task CreateVolumeFromSnapshotAsync(string volumeId, string snapshotId, int sizeGb, VolumeFormat format, CancellationToken cancellationToken)
    {
        var source = SnapshotPath(snapshotId);
        await CopyAsync(volumeId, source, "qcow2", sizeGb, format, cancellationToken);
    }

    /// <inheritdoc />
    public async Task CloneVolumeAsync(string volumeId, string sourceVolumeId, int sizeGb, VolumeFormat format, CancellationToken cancellationToken)
    {
        var source = VolumePath(sourceVolumeId);
        await CopyAsync(volumeId, source, FormatOf(source), sizeGb, format, cancellationToken);
    }

    /// <inheritdoc />
    public async Task ImportImageAsync(string volumeId, string imagePath, string imageFormat, int sizeGb, VolumeFormat format, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(imagePath))
        {
            throw new VolumeDriverException($"Image file {imagePath} does not exist.");
        }

        await CopyAsync(volumeId, imagePath, imageFormat, sizeGb, format, cancellationToken);
    }

    /// <inheritdoc />
    public async Task ExtendVolumeAsync(string volumeId, int newSizeGb, CancellationToken cancellationToken)
    {
        var path = VolumePath(volumeId);
        if (await VirtualSizeAsync(path, cancellationToken) >= newSizeGb * Gib)
        {
            return;
        }

        await Wrap($"extend volume {volumeId}", () => host.RunAsync(options.QemuImg, ["resize", "-q", "-f", FormatOf(path), path, Size(newSizeGb)], cancellationToken));
    }

    /// <inheritdoc />
    public async Task DeleteVolumeAsync(string volumeId, CancellationToken cancellationToken)
    {
        await UnexportAsync(volumeId, cancellationToken);
        foreach (var file in Directory.EnumerateFiles(VolumesFolder, volumeId + ".*"))
        {
            System.IO.File.Delete(file);
        }
    }

    /// <inheritdoc />
    public async Task CreateSnapshotAsync(string snapshotId, string volumeId, CancellationToken cancellationToken)
    {
        var source = VolumePath(volumeId);
        var target = Path.Combine(SnapshotsFolder, snapshotId + ".qcow2");
        if (System.IO.File.Exists(target))
        {
            return;
        }

        await BuildAsync(target, part => host.RunAsync(options.QemuImg, ["convert", "-q", "-f", FormatOf(source), "-O", "qcow2", source, part], cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteSnapshotAsync(string snapshotId, CancellationToken cancellationToken)
    {
        System.IO.File.Delete(Path.Combine(SnapshotsFolder, snapshotId + ".qcow2"));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<VolumeConnection> ExportAsync(string volumeId, VolumeConnector connector, CancellationToken cancellationToken)
    {
        var path = VolumePath(volumeId);
        var format = FormatOf(path);
        if (connector.SameNode)
        {
            return new VolumeConnection("file", path, null, null, null, format);
        }

        if (format != "raw")
        {
            throw new VolumeDriverException($"Volume {volumeId} is qcow2: only raw volumes are exported over iSCSI (tgt serves the file's bytes); use a raw volume type.");
        }

        var iqn = options.IqnPrefix + volumeId;
        await TargetLock.WaitAsync(cancellationToken);
        try
        {
            var targets = await TargetsAsync(cancellationToken);
            if (!targets.ContainsValue(iqn))
            {
                var tid = (targets.Count == 0 ? 0 : targets.Keys.Max()) + 1;
                var id = tid.ToString(CultureInfo.InvariantCulture);
                await host.RunAsync(options.TgtAdm, ["--lld", "iscsi", "--mode", "target", "--op", "new", "--tid", id, "--targetname", iqn], cancellationToken);
                try
                {
                    await host.RunAsync(options.TgtAdm, ["--lld", "iscsi", "--mode", "logicalunit", "--op", "new", "--tid", id, "--lun", "1", "--backing-store", path], cancellationToken);
                    await host.RunAsync(options.TgtAdm, ["--lld", "iscsi", "--mode", "target", "--op", "bind", "--tid", id, "--initiator-address", "ALL"], cancellationToken);
                }
                catch (HostCommandException)
                {
                    await host.TryRunAsync(options.TgtAdm, ["--lld", "iscsi", "--mode", "target", "--op", "delete", "--force", "--tid", id], cancellationToken);
                    throw;
                }
            }
        }
        catch (HostCommandException e)
        {
            throw new VolumeDriverException($"iSCSI export of volume {volumeId} failed: {e.Message}", e);
        }
        finally
        {
            TargetLock.Release();
        }

        return new VolumeConnection("iscsi", null, options.Portal, iqn, 1, "raw");
    }

    /// <inheritdoc />
    public async Task UnexportAsync(string volumeId, CancellationToken cancellationToken)
    {
        var iqn = options.IqnPrefix + volumeId;
        await TargetLock.WaitAsync(cancellationToken);
        try
        {
            foreach (var (tid, name) in await TargetsAsync(cancellationToken))
            {
                if (name == iqn)
                {
                    await host.RunAsync(options.TgtAdm, ["--lld", "iscsi", "--mode", "target", "--op", "delete", "--force", "--tid", tid.ToString(CultureInfo.InvariantCulture)], cancellationToken);
                }
            }
        }
        finally
        {
            TargetLock.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// A raw volume is read in place; a qcow2 one is first converted (<c>-U</c>: an attached volume is locked by its
    /// hypervisor) into a sparse raw copy under <c>transfer/</c> that is deleted when the stream closes.
    /// </remarks>
    public async Task<Stream> OpenRawAsync(string id, bool snapshot, CancellationToken cancellationToken)
    {
        var path = snapshot ? SnapshotPath(id) : VolumePath(id);
        if (FormatOf(path) == "raw")
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }

        var copy = Path.Combine(TransferFolder, $"{id}.{Guid.NewGuid():N}.raw");
        try
        {
            await host.RunAsync(options.QemuImg, ["convert", "-q", "-U", "-f", "qcow2", "-O", "raw", path, copy], cancellationToken);
            return new FileStream(copy, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 20, FileOptions.Asynchronous | FileOptions.SequentialScan | FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is HostCommandException or IOException)
        {
            System.IO.File.Delete(copy);
            throw new VolumeDriverException($"Could not read {(snapshot ? "snapshot" : "volume")} {id} as raw: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The bytes land in a sparse raw file of the volume's size under <c>transfer/</c>; it then replaces a raw volume
    /// (rename) or is converted into a new qcow2 file that replaces the old one, so the volume changes only at the end.
    /// </remarks>
    public async Task RestoreRawAsync(string volumeId, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var path = VolumePath(volumeId);
        var size = await VirtualSizeAsync(path, cancellationToken);
        var copy = Path.Combine(TransferFolder, $"{volumeId}.{Guid.NewGuid():N}.raw");
        try
        {
            await using (var target = new FileStream(copy, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20, FileOptions.Asynchronous))
            {
                target.SetLength(size);
                await write(target, cancellationToken);
            }

            if (FormatOf(path) == "raw")
            {
                System.IO.File.Move(copy, path, overwrite: true);
            }
            else
            {
                await BuildAsync(path, part => host.RunAsync(options.QemuImg, ["convert", "-q", "-f", "raw", "-O", "qcow2", copy, part], cancellationToken), cancellationToken);
            }
        }
        finally
        {
            System.IO.File.Delete(copy);
        }
    }

    /// <summary>The iSCSI targets tgtd serves (tid → IQN); none when tgtd is not running.</summary>
    public async Task<Dictionary<int, string>> TargetsAsync(CancellationToken cancellationToken)
    {
        var targets = new Dictionary<int, string>();
        var shown = await host.TryRunAsync(options.TgtAdm, ["--lld", "iscsi", "--mode", "target", "--op", "show"], cancellationToken);
        if (shown.ExitCode != 0)
        {
            return targets;
        }

        foreach (var line in shown.StandardOutput.Split('\n'))
        {
            // "Target 3: iqn.2026-12.cloud.funccloud:<id>"
            if (line.StartsWith("Target ", StringComparison.Ordinal) && line.IndexOf(':', StringComparison.Ordinal) is var colon and > 7
                && int.TryParse(line[7..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var tid))
            {
                targets[tid] = line[(colon + 1)..].Trim();
            }
        }

        return targets;
    }

    private async Task CopyAsync(string volumeId, string source, string sourceFormat, int sizeGb, VolumeFormat format, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(volumeId, sizeGb, cancellationToken))
        {
            return;
        }

        await BuildAsync(NewPath(volumeId, format), async part =>
        {
            await host.RunAsync(options.QemuImg, ["convert", "-q", "-f", sourceFormat, "-O", Format(format), source, part], cancellationToken);
            if (await VirtualSizeAsync(part, cancellationToken) < sizeGb * Gib)
            {
                await host.RunAsync(options.QemuImg, ["resize", "-q", "-f", Format(format), part, Size(sizeGb)], cancellationToken);
            }
        }, cancellationToken);
    }

    // Builds <path>.part and renames it: a failure removes the partial file, so a create leaves all or nothing.
    private static async Task BuildAsync(string path, Func<string, Task> build, CancellationToken cancellationToken)
    {
        var part = path + ".part";
        try
        {
            await build(part);
            System.IO.File.Move(part, path, overwrite: true);
        }
        catch (Exception e) when (e is HostCommandException or IOException or OperationCanceledException)
        {
            System.IO.File.Delete(part);
            throw e is OperationCanceledException ? e : new VolumeDriverException($"Building {Path.GetFileName(path)} failed: {e.Message}", e);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task<bool> ExistsAsync(string volumeId, int sizeGb, CancellationToken cancellationToken)
    {
        if (FindVolume(volumeId) is not { } path)
        {
            return false;
        }

        return await VirtualSizeAsync(path, cancellationToken) == sizeGb * Gib
            ? true
            : throw new VolumeDriverException($"Volume {volumeId} already exists with another size.");
    }

    private async Task<long> VirtualSizeAsync(string path, CancellationToken cancellationToken)
    {
        var info = await Wrap($"inspect {Path.GetFileName(path)}", () => host.RunAsync(options.QemuImg, ["info", "--output=json", "-f", FormatOf(path), path], cancellationToken));
        return JsonDocument.Parse(info.StandardOutput).RootElement.GetProperty("virtual-size").GetInt64();
    }

    private static async Task<T> Wrap<T>(string what, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (HostCommandException e)
        {
            throw new VolumeDriverException($"Could not {what}: {e.Message}", e);
        }
    }

    private string? FindVolume(string volumeId) =>
        new[] { ".qcow2", ".raw" }.Select(ext => Path.Combine(VolumesFolder, volumeId + ext)).FirstOrDefault(System.IO.File.Exists);

    private string VolumePath(string volumeId) => FindVolume(volumeId) ?? throw new VolumeNotFoundOnBackendException(volumeId);

    private string SnapshotPath(string snapshotId) =>
        Path.Combine(SnapshotsFolder, snapshotId + ".qcow2") is var path && System.IO.File.Exists(path) ? path : throw new VolumeNotFoundOnBackendException(snapshotId);

    private string NewPath(string volumeId, VolumeFormat format) => Path.Combine(VolumesFolder, volumeId + "." + Format(format));

    private static string FormatOf(string path) => path.EndsWith(".raw", StringComparison.Ordinal) || path.EndsWith(".raw.part", StringComparison.Ordinal) ? "raw" : "qcow2";

    private static string Format(VolumeFormat format) => format == VolumeFormat.Raw ? "raw" : "qcow2";

    private static string Size(int gb) => gb.ToString(CultureInfo.InvariantCulture) + "G";
}
