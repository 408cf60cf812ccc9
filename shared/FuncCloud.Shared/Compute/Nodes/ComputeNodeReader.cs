using FuncCloud.Shared.Compute.Placement;
using Microsoft.Extensions.Options;

namespace FuncCloud.Shared.Compute.Nodes;

/// <summary>Node records joined with liveness and placement usage (the <see cref="IComputeNodeReader"/> and admin).</summary>
public sealed class ComputeNodeReader(
    ComputeNodeRepository nodes,
    PlacementService placement,
    IOptions<ComputeNodeOptions> options,
    TimeProvider time) : IComputeNodeReader, IComputeNodeAdmin
{
    public async Task<IReadOnlyList<ComputeNodeView>> ListAsync(CancellationToken cancellationToken)
    {
        var records = await nodes.ListAsync(cancellationToken);
        var usage = await placement.ListUsageAsync(cancellationToken);
        return [.. records.Select(n => View(n, usage.GetValueOrDefault(n.Name)))];
    }

    public async Task<ComputeNodeView?> GetAsync(string nodeName, CancellationToken cancellationToken) =>
        await nodes.GetAsync(nodeName, cancellationToken) is { } node
            ? View(node, await placement.GetUsageAsync(nodeName, cancellationToken))
            : null;

    public async Task<ComputeNodeView?> SetStatusAsync(string nodeName, bool enabled, string? disabledReason, CancellationToken cancellationToken) =>
        await nodes.UpdateAsync(nodeName, n => n with { Enabled = enabled, DisabledReason = enabled ? null : disabledReason }, cancellationToken) is not null
            ? await GetAsync(nodeName, cancellationToken)
            : null;

    public async Task<ComputeNodeView?> SetForcedDownAsync(string nodeName, bool forcedDown, CancellationToken cancellationToken) =>
        await nodes.UpdateAsync(nodeName, n => n with { ForcedDown = forcedDown }, cancellationToken) is not null
            ? await GetAsync(nodeName, cancellationToken)
            : null;

    public Task<bool> DeleteAsync(string nodeName, CancellationToken cancellationToken) => nodes.DeleteAsync(nodeName, cancellationToken);

    private ComputeNodeView View(ComputeNodeRecord node, NodeUsage? usage)
    {
        var used = usage?.Used ?? ResourceAmounts.Zero;
        var vms = usage?.Allocations.Keys.Count(k => !k.EndsWith(":resize", StringComparison.Ordinal)) ?? 0;
        return new ComputeNodeView(node, node.IsUp(time.GetUtcNow(), options.Value.DownAfter), used.Vcpus, used.MemoryMb, used.DiskGb, vms);
    }
}
