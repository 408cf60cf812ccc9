namespace FuncCloud.Shared.Compute.Usage;

/// <summary>One server's line of a usage report, as nova computes it for the window.</summary>
public sealed record ServerUsage(ServerUsageRecord Server, double Hours, string State, long UptimeSeconds);

/// <summary>A project's usage over [Start, Stop]: nova's totals and the servers behind them.</summary>
public sealed record TenantUsage(
    string ProjectId,
    DateTimeOffset Start,
    DateTimeOffset Stop,
    double TotalHours,
    double TotalVcpusUsage,
    double TotalMemoryMbUsage,
    double TotalLocalGbUsage,
    IReadOnlyList<ServerUsage> Servers);

/// <summary>
/// Nova's <c>simple_tenant_usage</c> arithmetic: a server counts from max(launched, start) to
/// min(terminated, stop), in hours, times its current flavor's vcpus / memory / root+ephemeral disk.
/// </summary>
public static class TenantUsageCalculator
{
    /// <summary>The hours <paramref name="server"/> ran within [<paramref name="start"/>, <paramref name="stop"/>].</summary>
    public static double HoursFor(ServerUsageRecord server, DateTimeOffset start, DateTimeOffset stop)
    {
        if (server.LaunchedAt is not { } launched || (server.TerminatedAt is { } ended && ended < start) || launched > stop)
        {
            return 0;
        }

        var from = launched > start ? launched : start;
        var to = server.TerminatedAt is { } terminated && terminated < stop ? terminated : stop;
        return (to - from).TotalSeconds / 3600.0;
    }

    /// <summary>Groups <paramref name="servers"/> (in usage order) into per-project usages, first-seen project first.</summary>
    public static IReadOnlyList<TenantUsage> Summarize(IReadOnlyList<ServerUsageRecord> servers, DateTimeOffset start, DateTimeOffset stop, DateTimeOffset now)
    {
        var byProject = new Dictionary<string, List<ServerUsage>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var server in servers)
        {
            if (!byProject.TryGetValue(server.ProjectId, out var lines))
            {
                byProject[server.ProjectId] = lines = [];
                order.Add(server.ProjectId);
            }

            var launched = server.LaunchedAt ?? now;
            var state = server.TerminatedAt is null ? server.VmState : "terminated";
            var uptime = (server.TerminatedAt ?? now) - launched;
            lines.Add(new ServerUsage(server, HoursFor(server, start, stop), state, (long)uptime.TotalSeconds));
        }

        return [.. order.Select(project =>
        {
            var lines = byProject[project];
            return new TenantUsage(
                project,
                start,
                stop,
                lines.Sum(l => l.Hours),
                lines.Sum(l => l.Server.Vcpus * l.Hours),
                lines.Sum(l => l.Server.MemoryMb * l.Hours),
                lines.Sum(l => l.Server.LocalGb * l.Hours),
                lines);
        })];
    }
}
