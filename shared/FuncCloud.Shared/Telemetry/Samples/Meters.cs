namespace FuncCloud.Shared.Telemetry.Samples;

/// <summary>ceilometer's meter names, units and sample types, the ones FuncCloud produces.</summary>
public static class Meters
{
    public const string Cumulative = "cumulative";
    public const string Gauge = "gauge";
    public const string Delta = "delta";

    // Per instance (ceilometer's compute pollsters; cpu is cumulative ns, gnocchi derives the rate).
    public const string Cpu = "cpu";
    public const string Vcpus = "vcpus";
    public const string Memory = "memory";
    public const string MemoryUsage = "memory.usage";

    // Per instance disk (resource type instance_disk).
    public const string DiskReadBytes = "disk.device.read.bytes";
    public const string DiskWriteBytes = "disk.device.write.bytes";
    public const string DiskReadRequests = "disk.device.read.requests";
    public const string DiskWriteRequests = "disk.device.write.requests";

    // Per port (resource type instance_network_interface).
    public const string NetworkIncomingBytes = "network.incoming.bytes";
    public const string NetworkOutgoingBytes = "network.outgoing.bytes";
    public const string NetworkIncomingPackets = "network.incoming.packets";
    public const string NetworkOutgoingPackets = "network.outgoing.packets";

    // Per node (ceilometer's hardware.* meters; resource type host).
    public const string HostCpuUtil = "hardware.cpu.util";
    public const string HostMemoryTotal = "hardware.memory.total";
    public const string HostMemoryUsed = "hardware.memory.used";
    public const string HostDiskTotal = "hardware.disk.size.total";
    public const string HostDiskUsed = "hardware.disk.size.used";

    // Event meters from the control plane's workflows.
    public const string Instance = "instance";
    public const string ImageSize = "image.size";
    public const string VolumeSize = "volume.size";
    public const string FloatingIp = "ip.floating";
    public const string ContainerObjectsSize = "storage.containers.objects.size";

    /// <summary>The unit of each meter.</summary>
    public static readonly IReadOnlyDictionary<string, string> Units = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Cpu] = "ns",
        [Vcpus] = "vcpu",
        [Memory] = "MB",
        [MemoryUsage] = "MB",
        [DiskReadBytes] = "B",
        [DiskWriteBytes] = "B",
        [DiskReadRequests] = "request",
        [DiskWriteRequests] = "request",
        [NetworkIncomingBytes] = "B",
        [NetworkOutgoingBytes] = "B",
        [NetworkIncomingPackets] = "packet",
        [NetworkOutgoingPackets] = "packet",
        [HostCpuUtil] = "%",
        [HostMemoryTotal] = "KB",
        [HostMemoryUsed] = "KB",
        [HostDiskTotal] = "KB",
        [HostDiskUsed] = "KB",
        [Instance] = "instance",
        [ImageSize] = "B",
        [VolumeSize] = "GB",
        [FloatingIp] = "ip",
        [ContainerObjectsSize] = "B",
    };

    /// <summary>Meters whose series gnocchi keeps with <c>rate:mean</c> (ceilometer's <c>-rate</c> policies).</summary>
    public static bool IsCumulative(string name) => name is Cpu or DiskReadBytes or DiskWriteBytes or DiskReadRequests or DiskWriteRequests
        or NetworkIncomingBytes or NetworkOutgoingBytes or NetworkIncomingPackets or NetworkOutgoingPackets;

    /// <summary>A sample of <paramref name="name"/> with its unit and type.</summary>
    public static Sample Of(string name, double volume, DateTimeOffset timestamp, string resourceId, string resourceType) =>
        new(name, Units[name], IsCumulative(name) ? Cumulative : Gauge, volume, timestamp, resourceId, resourceType);
}
