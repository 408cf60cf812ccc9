namespace FuncCloud.Durable.Compute.Scheduling.Filters;

/// <summary>Only enabled compute nodes whose agent is up (nova's ComputeFilter).</summary>
public sealed class ComputeFilter : IHostFilter
{
    public string Name => nameof(ComputeFilter);

    public string? Reject(HostState host, RequestSpec spec) =>
        !host.Node.IsCompute ? $"{host.Name} has no compute role"
        : !host.Node.Enabled ? $"{host.Name} is disabled{(host.Node.DisabledReason is { } r ? $" ({r})" : string.Empty)}"
        : host.Node.ForcedDown ? $"{host.Name} is forced down"
        : !host.IsUp ? $"{host.Name} is down (last heartbeat {host.SecondsSinceHeartbeat} s ago)"
        : null;
}
