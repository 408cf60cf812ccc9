using System.Globalization;

namespace FuncCloud.Agent.Compute.Libvirt;

// Telemetry: one `virsh domstats` for every domain, the host's CPU from /proc/stat deltas between two samples.
public sealed partial class LibvirtComputeDriver
{
    private readonly Lock _cpuGate = new();
    private (long Busy, long Total)? _lastCpu;

    public async Task<HostStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        var resources = await GetAvailableResourcesAsync(cancellationToken);
        var all = await _virsh.AllStatsAsync(cancellationToken);
        var instances = new List<InstanceCounters>();
        foreach (var (domain, stats) in all)
        {
            if (!domain.StartsWith(_options.DomainPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var serverId = domain[_options.DomainPrefix.Length..];
            var flavor = LibvirtInstance.Load(PathsOf(serverId).State)?.Flavor;
            instances.Add(DomainStatsParser.ToCounters(serverId, stats, flavor?.Vcpus ?? 0, flavor?.MemoryMb ?? 0));
        }

        return new HostStats(DateTimeOffset.UtcNow, resources, HostCpuUtil(), HostMemoryUsedMb(), instances);
    }

    // Utilisation since the previous sample (0 on the first): the busy share of the jiffies /proc/stat counted.
    private double HostCpuUtil()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        var busy = total - fields[3] - (fields.Length > 4 ? fields[4] : 0); // minus idle and iowait
        lock (_cpuGate)
        {
            var previous = _lastCpu;
            _lastCpu = (busy, total);
            return previous is { } p && total > p.Total ? 100.0 * (busy - p.Busy) / (total - p.Total) : 0;
        }
    }

    private static long HostMemoryUsedMb()
    {
        long total = 0, available = 0;
        foreach (var line in File.ReadLines("/proc/meminfo"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts[0] == "MemTotal:")
            {
                total = long.Parse(parts[1], CultureInfo.InvariantCulture);
            }
            else if (parts[0] == "MemAvailable:")
            {
                available = long.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }

        return (total - available) / 1024;
    }
}
