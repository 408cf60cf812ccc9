using FuncCloud.Agent.Compute;
using FuncCloud.Shared.Compute;
using FuncCloud.Shared.Telemetry.Samples;

namespace FuncCloud.Agent.Telemetry;

/// <summary>
/// Turns one driver reading into ceilometer's samples: per instance <c>cpu</c>, <c>vcpus</c>, <c>memory</c>,
/// <c>memory.usage</c>; per disk (<c>instance_disk</c> <c>{server}-{device}</c>) the <c>disk.device.*</c> counters; per
/// port (<c>instance_network_interface</c> <c>{server}-{tap}</c>) the <c>network.*</c> counters; per node (<c>host</c>)
/// the <c>hardware.*</c> meters. Instances that are not running report only their allocation (vcpus, memory), as
/// ceilometer's pollsters skip stopped domains' counters.
/// </summary>
public static class SampleBuilder
{
    public const string InstanceType = "instance";
    public const string DiskType = "instance_disk";
    public const string InterfaceType = "instance_network_interface";
    public const string HostType = "host";

    /// <summary>Every sample of <paramref name="stats"/> taken on <paramref name="nodeName"/>.</summary>
    public static List<Sample> Build(string nodeName, HostStats stats)
    {
        var at = stats.ObservedAt;
        var samples = new List<Sample>();
        foreach (var instance in stats.Instances)
        {
            var id = instance.ServerId;
            Sample Of(string meter, double value) => Meters.Of(meter, value, at, id, InstanceType) with { InstanceId = id };
            samples.Add(Of(Meters.Vcpus, instance.Vcpus));
            samples.Add(Of(Meters.Memory, instance.MemoryMb));
            if (instance.PowerState != PowerState.Running)
            {
                continue;
            }

            samples.Add(Of(Meters.Cpu, instance.CpuTimeNs));
            if (instance.MemoryUsageMb is { } usage)
            {
                samples.Add(Of(Meters.MemoryUsage, usage));
            }

            foreach (var disk in instance.Disks)
            {
                var attributes = new Dictionary<string, string?> { ["name"] = disk.Device, ["instance_id"] = id };
                Sample Disk(string meter, double value) => Meters.Of(meter, value, at, $"{id}-{disk.Device}", DiskType) with { InstanceId = id, Attributes = attributes };
                samples.Add(Disk(Meters.DiskReadBytes, disk.ReadBytes));
                samples.Add(Disk(Meters.DiskWriteBytes, disk.WriteBytes));
                samples.Add(Disk(Meters.DiskReadRequests, disk.ReadRequests));
                samples.Add(Disk(Meters.DiskWriteRequests, disk.WriteRequests));
            }

            foreach (var nic in instance.Interfaces)
            {
                var attributes = new Dictionary<string, string?> { ["name"] = nic.Name, ["instance_id"] = id };
                Sample Nic(string meter, double value) => Meters.Of(meter, value, at, $"{id}-{nic.Name}", InterfaceType) with { InstanceId = id, Attributes = attributes };
                samples.Add(Nic(Meters.NetworkIncomingBytes, nic.IncomingBytes));
                samples.Add(Nic(Meters.NetworkOutgoingBytes, nic.OutgoingBytes));
                samples.Add(Nic(Meters.NetworkIncomingPackets, nic.IncomingPackets));
                samples.Add(Nic(Meters.NetworkOutgoingPackets, nic.OutgoingPackets));
            }
        }

        var host = new Dictionary<string, string?> { ["host_name"] = nodeName };
        Sample Host(string meter, double value) => Meters.Of(meter, value, at, nodeName, HostType) with { Attributes = host };
        samples.Add(Host(Meters.HostCpuUtil, Math.Round(stats.CpuUtilPercent, 2)));
        samples.Add(Host(Meters.HostMemoryTotal, stats.Resources.MemoryMbTotal * 1024L));
        samples.Add(Host(Meters.HostMemoryUsed, stats.MemoryUsedMb * 1024L));
        samples.Add(Host(Meters.HostDiskTotal, stats.Resources.DiskGbTotal * 1024L * 1024));
        samples.Add(Host(Meters.HostDiskUsed, stats.Resources.DiskGbUsed * 1024L * 1024));
        return samples;
    }
}
