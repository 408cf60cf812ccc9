using System.Globalization;
using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Compute.Libvirt;

/// <summary>
/// Reads <c>virsh domstats</c> (every domain, one block each: <c>Domain: 'name'</c> then indented <c>key=value</c>
/// lines) into per-device counters, as ceilometer's libvirt inspector reads <c>virDomainListGetStats</c>.
/// </summary>
public static class DomainStatsParser
{
    /// <summary>domain name → its keys.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ParseAll(string output)
    {
        var domains = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("Domain:", StringComparison.Ordinal))
            {
                var name = line["Domain:".Length..].Trim().Trim('\'');
                domains[name] = current = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            else if (current is not null && line.IndexOf('=', StringComparison.Ordinal) is > 0 and var equals)
            {
                current[line[..equals]] = line[(equals + 1)..];
            }
        }

        return domains;
    }

    /// <summary>The counters of one domain; <paramref name="flavorMemoryMb"/> stands in when the balloon is not reported.</summary>
    public static InstanceCounters ToCounters(string serverId, IReadOnlyDictionary<string, string> stats, int flavorVcpus, int flavorMemoryMb)
    {
        long Get(string key) => stats.TryGetValue(key, out var v) && long.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : 0;
        long? Maybe(string key) => stats.ContainsKey(key) ? Get(key) : null;

        var disks = Enumerable.Range(0, (int)Get("block.count"))
            .Where(i => stats.ContainsKey($"block.{i}.name"))
            .Select(i => new DiskCounters(stats[$"block.{i}.name"], Get($"block.{i}.rd.bytes"), Get($"block.{i}.wr.bytes"), Get($"block.{i}.rd.reqs"), Get($"block.{i}.wr.reqs")))
            .ToList();
        var nics = Enumerable.Range(0, (int)Get("net.count"))
            .Where(i => stats.ContainsKey($"net.{i}.name"))
            .Select(i => new InterfaceCounters(stats[$"net.{i}.name"], null, Get($"net.{i}.rx.bytes"), Get($"net.{i}.tx.bytes"), Get($"net.{i}.rx.pkts"), Get($"net.{i}.tx.pkts")))
            .ToList();

        // memory.usage as ceilometer computes it: what the guest's balloon driver says is in use (available - unused).
        long? usage = Maybe("balloon.available") is { } available && Maybe("balloon.unused") is { } unused ? (available - unused) / 1024 : null;
        var memoryMb = Maybe("balloon.maximum") is { } maximum and > 0 ? (int)(maximum / 1024) : flavorMemoryMb;
        var vcpus = Maybe("vcpu.current") is { } current and > 0 ? (int)current : flavorVcpus;
        return new InstanceCounters(serverId, PowerStateOf(Get("state.state")), Get("cpu.time"), vcpus, memoryMb, usage, disks, nics);
    }

    // virDomainState: 1 running, 2 blocked, 3 paused, 4 shutting down, 5 shut off, 6 crashed, 7 pmsuspended.
    private static PowerState PowerStateOf(long state) => state switch
    {
        1 or 2 => PowerState.Running,
        3 => PowerState.Paused,
        4 or 5 => PowerState.Shutdown,
        6 => PowerState.Crashed,
        7 => PowerState.Suspended,
        _ => PowerState.NoState,
    };
}
