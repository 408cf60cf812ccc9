using System.Globalization;
using System.Text.Json;
using FuncCloud.Agent.Compute.ConfigDrive;
using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute.Libvirt;

public sealed partial class LibvirtComputeDriver
{
    private const string QemuImg = "qemu-img";
    private const long GiB = 1024L * 1024 * 1024;

    /// <summary>
    /// Fetches the image files through the node's cache, creates the instance's qcow2 overlay on the cached
    /// base (grown to the flavor's root size), builds the config drive when the spec carries its files, and writes
    /// the state file.
    /// </summary>
    private async Task<LibvirtInstance> PrepareDisksAsync(InstanceSpec spec, LibvirtInstancePaths paths, CancellationToken cancellationToken)
    {
        var basePath = spec.Image.CachedPath ?? await _images.GetAsync(spec.Image.ImageRef, cancellationToken);
        var kernel = spec.Image.KernelId is { } kernelId ? await _images.GetAsync(kernelId, cancellationToken) : null;
        var ramdisk = spec.Image.RamdiskId is { } ramdiskId ? await _images.GetAsync(ramdiskId, cancellationToken) : null;
        await CreateOverlayAsync(basePath, paths.Disk, spec.Flavor, cancellationToken);
        string? configDrive = null;
        if (spec.ConfigDriveFiles is { } files)
        {
            await ConfigDriveImage.BuildAsync(_host, files, paths.ConfigDrive, cancellationToken);
            configDrive = paths.ConfigDrive;
        }
        else if (File.Exists(paths.ConfigDrive))
        {
            File.Delete(paths.ConfigDrive); // a rebuild without a drive leaves none behind
        }

        var instance = new LibvirtInstance(spec.ServerId, spec.Name, spec.Flavor, null, spec.Image, kernel, ramdisk, spec.Ports, ConfigDrivePath: configDrive);
        instance.Save(paths.State);
        return instance;
    }

    private async Task CreateOverlayAsync(string basePath, string disk, FlavorSpec flavor, CancellationToken cancellationToken)
    {
        var (format, virtualSize) = await InfoAsync(basePath, cancellationToken);
        List<string> args = ["create", "-q", "-f", "qcow2", "-F", format, "-b", Path.GetFullPath(basePath), disk];
        if ((long)flavor.RootGb * GiB > virtualSize)
        {
            // nova grows the root disk to the flavor's size; root_gb 0 (or a larger image) keeps the image's.
            args.Add(flavor.RootGb.ToString(CultureInfo.InvariantCulture) + "G");
        }

        if (File.Exists(disk))
        {
            File.Delete(disk);
        }

        await _host.RunAsync(QemuImg, args, cancellationToken);
    }

    /// <summary>Grows <paramref name="disk"/> to <paramref name="rootGb"/> GiB if it is smaller.</summary>
    private async Task GrowAsync(string disk, int rootGb, CancellationToken cancellationToken)
    {
        var (_, size) = await InfoAsync(disk, cancellationToken);
        if ((long)rootGb * GiB > size)
        {
            await _host.RunAsync(QemuImg, ["resize", "-q", disk, rootGb.ToString(CultureInfo.InvariantCulture) + "G"], cancellationToken);
        }
    }

    private async Task<(string Format, long VirtualSize)> InfoAsync(string path, CancellationToken cancellationToken)
    {
        // -U: the image may be open by a running QEMU (a shared base, or the overlay of a paused guest).
        var result = await _host.RunAsync(QemuImg, ["info", "-U", "--output=json", path], cancellationToken);
        using var json = JsonDocument.Parse(result.StandardOutput);
        return (json.RootElement.GetProperty("format").GetString() ?? "raw", json.RootElement.GetProperty("virtual-size").GetInt64());
    }
}
