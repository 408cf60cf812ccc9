using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute;

/// <summary>
/// One reading of a node and its instances (libvirt's <c>virDomainGetStats</c> over all domains plus the host's
/// capacity and usage; nova's <c>get_all_bw_counters</c> and ceilometer's compute pollsters read the same).
/// Counters are cumulative since the instance started on this host.
/// </summary>
/// <param name="ObservedAt">When the driver read them.</param>
/// <param name="Resources">The host's capacity and usage (as <see cref="IComputeDriver.GetAvailableResourcesAsync"/>).</param>
/// <param name="CpuUtilPercent">The host's CPU utilisation, 0-100, over the last interval the driver can tell.</param>
/// <param name="MemoryUsedMb">Host memory in use, MiB.</param>
/// <param name="Instances">Every instance on the host.</param>
public sealed record HostStats(
    DateTimeOffset ObservedAt,
    HostResources Resources,
    double CpuUtilPercent,
    long MemoryUsedMb,
    IReadOnlyList<InstanceCounters> Instances);

/// <summary>One instance's counters.</summary>
/// <param name="ServerId">The server.</param>
/// <param name="PowerState">Its power state when read.</param>
/// <param name="CpuTimeNs">CPU time consumed, nanoseconds, cumulative.</param>
/// <param name="Vcpus">Virtual CPUs.</param>
/// <param name="MemoryMb">Memory allocated, MiB.</param>
/// <param name="MemoryUsageMb">Memory the guest uses, MiB; null when the driver cannot tell (no balloon stats).</param>
/// <param name="Disks">Per disk.</param>
/// <param name="Interfaces">Per port.</param>
public sealed record InstanceCounters(
    string ServerId,
    PowerState PowerState,
    long CpuTimeNs,
    int Vcpus,
    int MemoryMb,
    long? MemoryUsageMb,
    IReadOnlyList<DiskCounters> Disks,
    IReadOnlyList<InterfaceCounters> Interfaces);

/// <summary>One disk's cumulative counters.</summary>
/// <param name="Device">The guest device (<c>vda</c>).</param>
/// <param name="ReadBytes">Bytes read.</param>
/// <param name="WriteBytes">Bytes written.</param>
/// <param name="ReadRequests">Read requests.</param>
/// <param name="WriteRequests">Write requests.</param>
public sealed record DiskCounters(string Device, long ReadBytes, long WriteBytes, long ReadRequests, long WriteRequests);

/// <summary>One port's cumulative counters, from the guest's point of view (incoming = received by the guest).</summary>
/// <param name="Name">The host-side tap (<c>tap</c> + 11 characters of the port id).</param>
/// <param name="PortId">The Neutron port, when known.</param>
/// <param name="IncomingBytes">Bytes the guest received.</param>
/// <param name="OutgoingBytes">Bytes the guest sent.</param>
/// <param name="IncomingPackets">Packets the guest received.</param>
/// <param name="OutgoingPackets">Packets the guest sent.</param>
public sealed record InterfaceCounters(string Name, string? PortId, long IncomingBytes, long OutgoingBytes, long IncomingPackets, long OutgoingPackets);
