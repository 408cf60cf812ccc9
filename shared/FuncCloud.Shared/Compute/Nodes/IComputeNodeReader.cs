namespace FuncCloud.Shared.Compute.Nodes;

/// <summary>
/// What os-hypervisors, os-services and the scheduler read about nodes: the registration, liveness and the
/// placement usage (allocations the control plane granted), in one view.
/// </summary>
public interface IComputeNodeReader
{
    /// <summary>Every registered node.</summary>
    Task<IReadOnlyList<ComputeNodeView>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One node, or null.</summary>
    Task<ComputeNodeView?> GetAsync(string nodeName, CancellationToken cancellationToken);
}

/// <summary>
/// Operator controls of a node (os-services PUT): enable/disable with a reason, forced down.
/// </summary>
public interface IComputeNodeAdmin
{
    /// <summary>Sets the service status; returns the updated view, or null when the node is unknown.</summary>
    Task<ComputeNodeView?> SetStatusAsync(string nodeName, bool enabled, string? disabledReason, CancellationToken cancellationToken);

    /// <summary>Sets forced_down; returns the updated view, or null when the node is unknown.</summary>
    Task<ComputeNodeView?> SetForcedDownAsync(string nodeName, bool forcedDown, CancellationToken cancellationToken);

    /// <summary>Forgets a node (os-services DELETE); false when unknown.</summary>
    Task<bool> DeleteAsync(string nodeName, CancellationToken cancellationToken);
}

/// <summary>A node with its liveness and what placement has allocated on it.</summary>
/// <param name="Node">The registration record.</param>
/// <param name="IsUp">Heartbeat fresh and not forced down.</param>
/// <param name="VcpusUsed">vCPUs allocated by placement.</param>
/// <param name="MemoryMbUsed">RAM allocated by placement, MiB.</param>
/// <param name="DiskGbUsed">Disk allocated by placement, GiB.</param>
/// <param name="RunningVms">Servers holding an allocation on the node.</param>
public sealed record ComputeNodeView(ComputeNodeRecord Node, bool IsUp, int VcpusUsed, int MemoryMbUsed, int DiskGbUsed, int RunningVms);
