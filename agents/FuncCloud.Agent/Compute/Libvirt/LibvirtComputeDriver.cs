using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using FuncCloud.Agent.Images;
using FuncCloud.Agent.Privileged;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Network.Wiring;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Compute.Libvirt;

/// <summary>
/// The real hypervisor: QEMU (KVM, or TCG where KVM does not work) managed by libvirt, as nova's
/// <c>nova.virt.libvirt.LibvirtDriver</c>. Each instance is a persistent domain named
/// <see cref="LibvirtDriverOptions.DomainPrefix"/> + server id with a folder of its own (qcow2 overlay on the
/// node's cached image, console log, domain XML, state). Thread-safe: libvirt serialises per domain and the
/// agent serialises commands per server.
/// </summary>
public sealed partial class LibvirtComputeDriver : IComputeDriver
{
    private readonly LibvirtDriverOptions _options;
    private readonly ImageCache _images;
    private readonly HostCommand _host;
    private readonly Virsh _virsh;
    private readonly GuestPolicy _policy;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, byte> _spawning = new(StringComparer.Ordinal);

    /// <param name="options">The driver's settings.</param>
    /// <param name="images">The node's image cache (base disks, kernels, ramdisks).</param>
    /// <param name="host">The one class that runs host commands.</param>
    /// <param name="kvmUsable">Whether KVM works on this host (<see cref="KvmProbe.IsUsable"/>); the options may force either.</param>
    /// <param name="logger">The log.</param>
    public LibvirtComputeDriver(LibvirtDriverOptions options, ImageCache images, HostCommand host, bool kvmUsable, ILogger<LibvirtComputeDriver> logger)
    {
        _options = options;
        _images = images;
        _host = host;
        _virsh = new Virsh(host, options.Uri);
        _policy = GuestPolicy.For(options, kvmUsable);
        _logger = logger;
    }

    public string Name => "libvirt";

    /// <summary>The policy the domains are built with.</summary>
    public GuestPolicy Policy => _policy;

    public async Task InitHostAsync(string nodeName, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.InstancesPath);
        await _virsh.ListAsync(cancellationToken); // fails the start early when libvirtd is unreachable
        LogInitialised(_logger, nodeName, _options.Uri, _policy.DomainType);
    }

    public async Task<HostResources> GetAvailableResourcesAsync(CancellationToken cancellationToken)
    {
        int vcpus = 0, memory = 0, disk = 0;
        foreach (var id in await ListInstancesAsync(cancellationToken))
        {
            if (LibvirtInstance.Load(PathsOf(id).State) is not { } instance)
            {
                continue;
            }

            foreach (var flavor in instance.PreviousFlavor is { } previous ? [instance.Flavor, previous] : new[] { instance.Flavor })
            {
                vcpus += flavor.Vcpus;
                memory += flavor.MemoryMb;
                disk += flavor.DiskGb;
            }
        }

        Directory.CreateDirectory(_options.InstancesPath);
        var diskTotal = (int)(new DriveInfo(Path.GetFullPath(_options.InstancesPath)).TotalSize / (1024L * 1024 * 1024));
        return new HostResources(Environment.ProcessorCount, vcpus, HostMemoryMb(), memory, diskTotal, disk);
    }

    public async Task<IReadOnlyList<string>> ListInstancesAsync(CancellationToken cancellationToken) =>
        [.. (await _virsh.ListAsync(cancellationToken))
            .Where(n => n.StartsWith(_options.DomainPrefix, StringComparison.Ordinal))
            .Select(n => n[_options.DomainPrefix.Length..])];

    public async Task<InstanceInfo> GetInstanceInfoAsync(string serverId, CancellationToken cancellationToken)
    {
        var (instance, state) = await FindAsync(serverId, cancellationToken);
        return new InstanceInfo(serverId, state, instance.Flavor, instance.PreviousFlavor);
    }

    public async Task SpawnAsync(InstanceSpec instance, CancellationToken cancellationToken)
    {
        var id = instance.ServerId;
        if (!IsValidId(id))
        {
            throw new ComputeDriverException(id, $"'{id}' cannot name an instance (letters, digits and '-' only).");
        }

        if (!_spawning.TryAdd(id, 0))
        {
            throw new InstanceExistsException(id);
        }

        try
        {
            if (await _virsh.StateAsync(DomainName(id), cancellationToken) is not null)
            {
                throw new InstanceExistsException(id);
            }

            try
            {
                var paths = PathsOf(id);
                Directory.CreateDirectory(paths.Folder);
                var state = await PrepareDisksAsync(instance, paths, cancellationToken);
                await DefineAsync(state, paths, cancellationToken);
                await _virsh.StartAsync(DomainName(id), cancellationToken);
                await WaitForConsoleAsync(paths, cancellationToken);
                LogSpawned(_logger, id, _policy.DomainType);
            }
            catch (Exception e) when (e is not InstanceExistsException)
            {
                // The spawn contract: nothing half-made stays behind.
                await CleanUpFailedSpawnAsync(id);
                if (e is OperationCanceledException)
                {
                    throw;
                }

                throw Wrap(id, "spawn", e);
            }
        }
        finally
        {
            _spawning.TryRemove(id, out _);
        }
    }

    public async Task DestroyAsync(string serverId, CancellationToken cancellationToken)
    {
        if (!IsValidId(serverId))
        {
            return; // nothing can exist under an id that cannot name an instance
        }

        try
        {
            await RemoveAsync(serverId, cancellationToken);
            LogDestroyed(_logger, serverId);
        }
        catch (Exception e) when (e is HostCommandException or IOException)
        {
            throw Wrap(serverId, "destroy", e);
        }
    }

    private async Task CleanUpFailedSpawnAsync(string serverId)
    {
        try
        {
            await RemoveAsync(serverId, CancellationToken.None);
        }
        catch (Exception e) when (e is HostCommandException or IOException or UnauthorizedAccessException)
        {
            // The spawn's own failure is the one to report; this one is logged for the operator.
            LogCleanupFailed(_logger, serverId, e);
        }
    }

    private async Task RemoveAsync(string serverId, CancellationToken cancellationToken)
    {
        var name = DomainName(serverId);
        await _virsh.DestroyAsync(name, cancellationToken);
        await _virsh.UndefineAsync(name, cancellationToken);
        var folder = PathsOf(serverId).Folder;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes the domain XML of <paramref name="instance"/> and (re)defines the domain from it.</summary>
    private async Task DefineAsync(LibvirtInstance instance, LibvirtInstancePaths paths, CancellationToken cancellationToken)
    {
        var spec = new DomainSpec(
            DomainName(instance.ServerId),
            UuidOf(instance.ServerId),
            instance.Name,
            instance.Flavor.Vcpus,
            instance.Flavor.MemoryMb,
            paths.Disk,
            instance.KernelPath,
            instance.RamdiskPath,
            paths.ConsoleLog,
            Interfaces(instance),
            instance.Volumes,
            instance.ConfigDrivePath);
        await File.WriteAllTextAsync(paths.DomainXml, DomainXmlBuilder.Build(spec, _policy), cancellationToken);
        await _virsh.DefineAsync(paths.DomainXml, cancellationToken);
    }

    private static List<DomainInterface> Interfaces(LibvirtInstance instance)
    {
        var vifs = new List<DomainInterface>();
        foreach (var port in instance.Ports)
        {
            // The network role creates the bridge; plugging into a missing one would fail inside QEMU with a
            // message that names neither the port nor the bridge.
            if (port.BridgeName is not { } bridge || !Directory.Exists(Path.Combine("/sys/class/net", bridge)))
            {
                throw new ComputeDriverException(instance.ServerId,
                    $"Port {port.PortId} cannot be plugged: its bridge '{port.BridgeName ?? "(none)"}' does not exist on this host.");
            }

            vifs.Add(new DomainInterface(port.MacAddress, bridge, NetworkDeviceNames.Tap(port.PortId), port.Mtu));
        }

        return vifs;
    }

    /// <summary>The instance's state and power state, or <see cref="InstanceNotFoundException"/>.</summary>
    private async Task<(LibvirtInstance Instance, PowerState State)> FindAsync(string serverId, CancellationToken cancellationToken)
    {
        if (!IsValidId(serverId) || await _virsh.StateAsync(DomainName(serverId), cancellationToken) is not { } state)
        {
            throw new InstanceNotFoundException(serverId);
        }

        var instance = LibvirtInstance.Load(PathsOf(serverId).State)
            ?? throw new ComputeDriverException(serverId, $"Instance {serverId} has a domain but no state file in {PathsOf(serverId).Folder}.");
        return (instance, state);
    }

    private async Task WaitForConsoleAsync(LibvirtInstancePaths paths, CancellationToken cancellationToken)
    {
        // The firmware writes to the serial console within moments of the start: waiting for its first bytes
        // means the spawn returns a guest that really executes, and the console log is never empty after it.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline && !(File.Exists(paths.ConsoleLog) && new FileInfo(paths.ConsoleLog).Length > 0))
        {
            await Task.Delay(_options.PollInterval, cancellationToken);
        }
    }

    private string DomainName(string serverId) => _options.DomainPrefix + serverId;

    private LibvirtInstancePaths PathsOf(string serverId) => new(Path.Combine(Path.GetFullPath(_options.InstancesPath), serverId));

    private static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static Guid UuidOf(string serverId) =>
        Guid.TryParse(serverId, out var uuid) ? uuid : new Guid(MD5.HashData(Encoding.UTF8.GetBytes(serverId)));

    private static ComputeDriverException Wrap(string serverId, string operation, Exception e) => e switch
    {
        ComputeDriverException driver => driver,
        _ => new ComputeDriverException(serverId, $"Libvirt {operation} of {serverId} failed: {e.Message}", e),
    };

    private static int HostMemoryMb()
    {
        foreach (var line in File.ReadLines("/proc/meminfo"))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                return (int)(long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024);
            }
        }

        return 0;
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Libvirt driver ready on node {nodeName}: {uri}, domain type {domainType}")]
    private static partial void LogInitialised(ILogger logger, string nodeName, string uri, string domainType);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Information, Message = "Instance {serverId} spawned ({domainType})")]
    private static partial void LogSpawned(ILogger logger, string serverId, string domainType);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Information, Message = "Instance {serverId} destroyed")]
    private static partial void LogDestroyed(ILogger logger, string serverId);

    [LoggerMessage(EventId = 6205, Level = LogLevel.Error, Message = "Cleaning up the failed spawn of {serverId} failed")]
    private static partial void LogCleanupFailed(ILogger logger, string serverId, Exception exception);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Warning, Message = "Instance {serverId} did not shut down within {timeout}; forcing it off")]
    private static partial void LogForcedOff(ILogger logger, string serverId, TimeSpan timeout);
}
