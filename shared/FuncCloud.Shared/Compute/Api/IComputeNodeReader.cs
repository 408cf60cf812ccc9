namespace FuncCloud.Shared.Compute.Api;

/// <summary>
/// A registered compute node as the hypervisor, service and availability-zone APIs show it. The compute
/// core owns node registration and heartbeats (<c>Compute/Nodes</c>) and implements
/// <see cref="IComputeNodeReader"/> over its records.
/// </summary>
/// <param name="Id">Stable node id (UUID; the hypervisor id from 2.53 and the service id).</param>
/// <param name="Name">The node name the agent registered as (nova's host and hypervisor_hostname).</param>
/// <param name="HostIp">The node's address, when known.</param>
/// <param name="HypervisorType">e.g. <c>QEMU</c> or <c>fake</c>.</param>
/// <param name="AvailabilityZone">The zone the agent declared (aggregates may override it).</param>
/// <param name="VcpusTotal">vCPUs offered.</param>
/// <param name="VcpusUsed">vCPUs used by instances.</param>
/// <param name="MemoryMbTotal">RAM offered in MiB.</param>
/// <param name="MemoryMbUsed">RAM used in MiB.</param>
/// <param name="DiskGbTotal">Local disk offered in GiB.</param>
/// <param name="DiskGbUsed">Local disk used in GiB.</param>
/// <param name="RunningVms">Instances on the node.</param>
/// <param name="Enabled">False when an operator disabled the service (no new instances scheduled).</param>
/// <param name="DisabledReason">Why it was disabled, or null.</param>
/// <param name="ForcedDown">Operator-forced down (2.11+).</param>
/// <param name="Up">True when the last heartbeat is recent enough.</param>
/// <param name="UpdatedAt">The last heartbeat.</param>
public sealed record ComputeNodeView(
    string Id,
    string Name,
    string? HostIp,
    string HypervisorType,
    string AvailabilityZone,
    int VcpusTotal,
    int VcpusUsed,
    int MemoryMbTotal,
    int MemoryMbUsed,
    int DiskGbTotal,
    int DiskGbUsed,
    int RunningVms,
    bool Enabled,
    string? DisabledReason,
    bool ForcedDown,
    bool Up,
    DateTimeOffset? UpdatedAt);

/// <summary>Reads compute nodes (implemented by the compute core over its node records).</summary>
public interface IComputeNodeReader
{
    /// <summary>Every registered compute node.</summary>
    Task<IReadOnlyList<ComputeNodeView>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Enables and disables a node's compute service (<c>PUT /os-services/{id}</c>). Implemented by the compute
/// core, which owns the node records and must stop scheduling onto a disabled node.
/// </summary>
public interface IComputeNodeAdmin
{
    /// <summary>Sets the service state; returns the node, or null when there is no such node.</summary>
    Task<ComputeNodeView?> SetStatusAsync(string nodeId, bool enabled, string? disabledReason, bool? forcedDown, CancellationToken cancellationToken);
}
