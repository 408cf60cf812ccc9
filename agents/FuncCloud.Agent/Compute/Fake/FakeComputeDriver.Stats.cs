using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute.Fake;

// Scriptable telemetry: every guest reports counters that advance at its FakeLoad, which a test (or a simulation)
// changes at run time, in process, as it drives the fault injector and power states.
public sealed partial class FakeComputeDriver
{
    /// <summary>Sets what <paramref name="serverId"/> does from now on (its counters so far are kept).</summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    public void SetLoad(string serverId, FakeLoad load)
    {
        lock (_gate)
        {
            var instance = Find(serverId);
            CountersOf(instance).Change(load, _time.GetUtcNow(), instance.State == PowerState.Running, instance.Flavor.Vcpus);
        }
    }

    /// <summary>Sets the CPU utilisation (0-100 per vCPU) <paramref name="serverId"/> reports from now on.</summary>
    public void SetCpuUtilization(string serverId, double percent)
    {
        lock (_gate)
        {
            var instance = Find(serverId);
            var counters = CountersOf(instance);
            counters.Change(counters.Load with { CpuPercent = percent }, _time.GetUtcNow(), instance.State == PowerState.Running, instance.Flavor.Vcpus);
        }
    }

    public Task<HostStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var instances = new List<InstanceCounters>(_instances.Count);
            double busyVcpus = 0;
            long memoryUsed = 0;
            foreach (var instance in _instances.Values.Where(i => i.State != PowerState.NoState))
            {
                var running = instance.State == PowerState.Running;
                var flavor = instance.Flavor;
                var counters = CountersOf(instance);
                counters.Advance(now, running, flavor.Vcpus);
                var memoryUsage = running ? (long)Math.Round(flavor.MemoryMb * counters.Load.MemoryUsagePercent / 100) : 0;
                if (running)
                {
                    busyVcpus += counters.Load.CpuPercent / 100 * flavor.Vcpus;
                    memoryUsed += memoryUsage;
                }

                var disk = new DiskCounters(
                    "vda", (long)counters.DiskReadBytes, (long)counters.DiskWriteBytes,
                    (long)(counters.DiskReadBytes / FakeCounters.RequestBytes), (long)(counters.DiskWriteBytes / FakeCounters.RequestBytes));
                var ports = instance.Spec.Ports.Select(p => new InterfaceCounters(
                    TapName(p.PortId), p.PortId, (long)counters.NetworkIncomingBytes, (long)counters.NetworkOutgoingBytes,
                    (long)(counters.NetworkIncomingBytes / FakeCounters.PacketBytes), (long)(counters.NetworkOutgoingBytes / FakeCounters.PacketBytes))).ToList();
                instances.Add(new InstanceCounters(instance.Spec.ServerId, instance.State, (long)counters.CpuTimeNs, flavor.Vcpus, flavor.MemoryMb, memoryUsage, [disk], ports));
            }

            var (vcpus, memory, diskGb) = Used();
            var resources = new HostResources(_options.Vcpus, vcpus, _options.MemoryMb, memory, _options.DiskGb, diskGb);
            var util = _options.Vcpus == 0 ? 0 : Math.Min(100, busyVcpus / _options.Vcpus * 100);
            return Task.FromResult(new HostStats(now, resources, util, memoryUsed, instances));
        }
    }

    // Under _gate. Counters start with the first read or load change after the spawn.
    private FakeCounters CountersOf(FakeInstance instance) =>
        instance.Counters ??= new FakeCounters(_options.Load, _time.GetUtcNow());

    // The name the network driver and libvirt give a port's tap.
    private static string TapName(string portId) => "tap" + portId[..Math.Min(11, portId.Length)];
}
