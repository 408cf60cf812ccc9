using System.Collections.Concurrent;

namespace FuncCloud.Shared.Compute.Api;

/// <summary>
/// A process-local node list: the default <see cref="IComputeNodeReader"/>/<see cref="IComputeNodeAdmin"/>
/// until the compute core registers its table-backed ones (then this is never resolved), and a seedable
/// stand-in for tests of the hypervisor and service APIs.
/// </summary>
public sealed class InMemoryComputeNodeRegistry : IComputeNodeReader, IComputeNodeAdmin
{
    private readonly ConcurrentDictionary<string, ComputeNodeView> _nodes = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces a node.</summary>
    public void Upsert(ComputeNodeView node) => _nodes[node.Id] = node;

    /// <inheritdoc />
    public Task<IReadOnlyList<ComputeNodeView>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ComputeNodeView>>(_nodes.Values.OrderBy(n => n.Name, StringComparer.Ordinal).ToList());

    /// <inheritdoc />
    public Task<ComputeNodeView?> SetStatusAsync(string nodeId, bool enabled, string? disabledReason, bool? forcedDown, CancellationToken cancellationToken)
    {
        if (!_nodes.TryGetValue(nodeId, out var node))
        {
            return Task.FromResult<ComputeNodeView?>(null);
        }

        var updated = node with { Enabled = enabled, DisabledReason = enabled ? null : disabledReason, ForcedDown = forcedDown ?? node.ForcedDown };
        _nodes[nodeId] = updated;
        return Task.FromResult<ComputeNodeView?>(updated);
    }
}
