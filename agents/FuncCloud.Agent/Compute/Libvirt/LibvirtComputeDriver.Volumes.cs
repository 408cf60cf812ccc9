using System.Xml.Linq;
using FuncCloud.Agent.Privileged;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Compute;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Compute.Libvirt;

/// <summary>Volume hot-plug (nova's <c>attach_volume</c> / <c>detach_volume</c> on libvirt).</summary>
public sealed partial class LibvirtComputeDriver
{
    public async Task AttachVolumeAsync(string serverId, string volumeId, string device, VolumeConnectionInfo connection, CancellationToken cancellationToken)
    {
        var (instance, state) = await FindAsync(serverId, cancellationToken);
        var target = device.StartsWith("/dev/", StringComparison.Ordinal) ? device["/dev/".Length..] : device;
        if (instance.Volumes?.FirstOrDefault(v => v.VolumeId == volumeId) is { } existing)
        {
            // A redelivered attach: done when it is at the same device, refused when elsewhere.
            if (existing.Target == target)
            {
                return;
            }

            throw new ComputeDriverException(serverId, $"Volume {volumeId} is already attached to {serverId} at /dev/{existing.Target}.");
        }

        var volume = new DomainVolume(volumeId, target, connection.DriverVolumeType, connection.Path, connection.TargetPortal, connection.TargetIqn, connection.TargetLun, connection.Format);
        var paths = PathsOf(serverId);
        var xmlPath = VolumeXmlPath(paths, volumeId);
        try
        {
            await File.WriteAllTextAsync(xmlPath, DomainXmlBuilder.VolumeDisk(volume).ToString(), cancellationToken);
            await _virsh.AttachDeviceAsync(DomainName(serverId), xmlPath, IsLive(state), cancellationToken);
        }
        catch (Exception e) when (e is HostCommandException or IOException or ArgumentException)
        {
            File.Delete(xmlPath);
            throw Wrap(serverId, $"attach of volume {volumeId}", e);
        }

        (instance with { Volumes = [.. instance.Volumes ?? [], volume] }).Save(paths.State);
        LogVolumeAttached(_logger, volumeId, serverId, target);
    }

    public async Task DetachVolumeAsync(string serverId, string volumeId, CancellationToken cancellationToken)
    {
        if (!IsValidId(serverId) || await _virsh.StateAsync(DomainName(serverId), cancellationToken) is not { } state
            || LibvirtInstance.Load(PathsOf(serverId).State) is not { } instance)
        {
            return; // no instance: the guest holds nothing
        }

        var paths = PathsOf(serverId);
        var xmlPath = VolumeXmlPath(paths, volumeId);
        if (instance.Volumes?.FirstOrDefault(v => v.VolumeId == volumeId) is not { } volume)
        {
            return;
        }

        try
        {
            await File.WriteAllTextAsync(xmlPath, DomainXmlBuilder.VolumeDisk(volume).ToString(), cancellationToken);
            var live = IsLive(state) && await IsInLiveDomainAsync(serverId, volume, cancellationToken);
            await _virsh.DetachDeviceAsync(DomainName(serverId), xmlPath, live, cancellationToken);
        }
        catch (HostCommandException e) when (!e.Message.Contains("no target device", StringComparison.OrdinalIgnoreCase)
            && !e.Message.Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            throw Wrap(serverId, $"detach of volume {volumeId}", e);
        }
        finally
        {
            File.Delete(xmlPath);
        }

        (instance with { Volumes = [.. instance.Volumes.Where(v => v.VolumeId != volumeId)] }).Save(paths.State);
        LogVolumeDetached(_logger, volumeId, serverId);
    }

    private async Task<bool> IsInLiveDomainAsync(string serverId, DomainVolume volume, CancellationToken cancellationToken)
    {
        var xml = XDocument.Parse(await _virsh.DumpXmlAsync(DomainName(serverId), cancellationToken));
        return xml.Descendants("disk").Any(d => d.Element("target")?.Attribute("dev")?.Value == volume.Target);
    }

    // Paused and running guests take a hot-plug; a stopped or saved one only its definition (it sees the disk on start).
    private static bool IsLive(PowerState state) => state is PowerState.Running or PowerState.Paused;

    private static string VolumeXmlPath(LibvirtInstancePaths paths, string volumeId) => Path.Combine(paths.Folder, $"volume-{volumeId}.xml");

    [LoggerMessage(EventId = 6210, Level = LogLevel.Information, Message = "Volume {volumeId} attached to instance {serverId} at /dev/{target}")]
    private static partial void LogVolumeAttached(ILogger logger, string volumeId, string serverId, string target);

    [LoggerMessage(EventId = 6211, Level = LogLevel.Information, Message = "Volume {volumeId} detached from instance {serverId}")]
    private static partial void LogVolumeDetached(ILogger logger, string volumeId, string serverId);
}
