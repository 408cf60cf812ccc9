using System.Collections.Concurrent;

namespace FuncCloud.Shared.Compute.Nodes;

/// <summary>
/// Which fleet serves a node (<see cref="ComputeNodeRecord.Fleet"/>), remembered per process: a node's fleet is fixed
/// when it registers, so the command sender reads a node's row once and never again (a fleet's registration in this
/// process fills the cache directly). A node unknown to the store is not cached: it may register later.
/// </summary>
public sealed class NodeFleets(ComputeNodeRepository nodes)
{
    private readonly ConcurrentDictionary<string, string?> _fleets = new(StringComparer.Ordinal);

    /// <summary>The fleet of <paramref name="nodeName"/>, or null when it runs its own agent (or is unknown).</summary>
    public async ValueTask<string?> FleetOfAsync(string nodeName, CancellationToken cancellationToken)
    {
        if (_fleets.TryGetValue(nodeName, out var fleet))
        {
            return fleet;
        }

        var node = await nodes.GetAsync(nodeName, cancellationToken).ConfigureAwait(false);
        if (node is not null)
        {
            _fleets[nodeName] = node.Fleet;
        }

        return node?.Fleet;
    }

    /// <summary>Records what a registration just stored.</summary>
    public void Remember(string nodeName, string? fleet) => _fleets[nodeName] = fleet;
}
