using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Placement;
using Microsoft.Extensions.Options;

namespace FuncCloud.Shared.Compute.Nodes;

/// <summary>
/// Node records joined with liveness and placement usage: the table-backed <see cref="IComputeNodeReader"/>
/// and <see cref="IComputeNodeAdmin"/> that os-hypervisors, os-services and os-availability-zone read.
/// Used amounts are what placement allocated (what the scheduler counts), not the agent's own view.
/// </summary>
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
        return [.. records.Where(n => n.IsCompute).Select(n => View(n, usage.GetValueOrDefault(n.Name)))];
    }

    public async Task<ComputeNodeView?> SetStatusAsync(string nodeId, bool enabled, string? disabledReason, bool? forcedDown, CancellationToken cancellationToken)
    {
        var node = (await nodes.ListAsync(cancellationToken)).FirstOrDefault(n => n.Id == nodeId || n.Name == nodeId);
        if (node is null)
        {
            return null;
        }

        var updated = await nodes.UpdateAsync(node.Name, n => n with
        {
            Enabled = enabled,
            DisabledReason = enabled ? null : disabledReason,
            ForcedDown = forcedDown ?? n.ForcedDown,
        }, cancellationToken);
        return updated is null ? null : View(updated, await placement.GetUsageAsync(updated.Name, cancellationToken));
    }

    private ComputeNodeView View(ComputeNodeRecord node, NodeUsage? usage)
    {
        var used = usage?.Used ?? ResourceAmounts.Zero;
        var vms = usage?.Allocations.Keys.Count(k => !k.EndsWith(":resize", StringComparison.Ordinal)) ?? 0;
        return new ComputeNodeView(
            node.Id,
            node.Name,
            null,
            node.Driver.Equals("libvirt", StringComparison.OrdinalIgnoreCase) ? "QEMU" : node.Driver.ToLowerInvariant(),
            node.AvailabilityZone,
            node.Resources.VcpusTotal,
            used.Vcpus,
            node.Resources.MemoryMbTotal,
            used.MemoryMb,
            node.Resources.DiskGbTotal,
            used.DiskGb,
            vms,
            node.Enabled,
            node.DisabledReason,
            node.ForcedDown,
            node.IsUp(time.GetUtcNow(), options.Value.DownAfter),
            node.LastHeartbeatAt);
    }
}
