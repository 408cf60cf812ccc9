namespace FuncCloud.Durable.Compute.Scheduling.Filters;

/// <summary>Put the server with the other members of its affinity group (nova's ServerGroupAffinityFilter).</summary>
public sealed class ServerGroupAffinityFilter : IHostFilter
{
    public string Name => nameof(ServerGroupAffinityFilter);

    public string? Reject(HostState host, RequestSpec spec) =>
        spec.Hints.GroupPolicy == "affinity"
            && spec.GroupHosts.Count > 0 && !spec.GroupHosts.Contains(host.Name)
            ? $"{host.Name} holds no member of affinity group {spec.Hints.Group} (members on {string.Join(",", spec.GroupHosts.Distinct())})"
            : null;
}

/// <summary>Keep the server away from the other members of its anti-affinity group (nova's ServerGroupAntiAffinityFilter).</summary>
public sealed class ServerGroupAntiAffinityFilter : IHostFilter
{
    public string Name => nameof(ServerGroupAntiAffinityFilter);

    public string? Reject(HostState host, RequestSpec spec) =>
        spec.Hints.GroupPolicy == "anti-affinity" && spec.GroupHosts.Contains(host.Name)
            ? $"{host.Name} already holds a member of anti-affinity group {spec.Hints.Group}"
            : null;
}

/// <summary>The <c>same_host</c> hint: a host running one of the listed servers (nova's SameHostFilter).</summary>
public sealed class SameHostFilter : IHostFilter
{
    public string Name => nameof(SameHostFilter);

    public string? Reject(HostState host, RequestSpec spec) =>
        spec.Hints.SameHost.Count > 0 && !spec.Hints.SameHost.Any(host.Servers.Contains)
            ? $"{host.Name} runs none of {string.Join(",", spec.Hints.SameHost)}"
            : null;
}

/// <summary>The <c>different_host</c> hint: a host running none of the listed servers (nova's DifferentHostFilter).</summary>
public sealed class DifferentHostFilter : IHostFilter
{
    public string Name => nameof(DifferentHostFilter);

    public string? Reject(HostState host, RequestSpec spec) =>
        spec.Hints.DifferentHost.FirstOrDefault(host.Servers.Contains) is { } other
            ? $"{host.Name} runs {other}"
            : null;
}
