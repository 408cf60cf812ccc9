using FuncCloud.Shared.Compute;

namespace FuncCloud.Shared.Agents.Nodes;

/// <summary>The body of <c>PUT os-funccloud-nodes/{node}</c>: who the node is and what it offers.</summary>
/// <param name="Hostname">The machine's hostname (several simulated nodes may share one).</param>
/// <param name="Roles">The node's roles (<see cref="NodeRoles"/>).</param>
/// <param name="AvailabilityZone">The availability zone the node belongs to.</param>
/// <param name="Driver">The compute driver (e.g. <c>fake</c>, <c>libvirt</c>).</param>
/// <param name="Resources">Capacity and current usage.</param>
/// <param name="AgentVersion">The agent's version, for rolling upgrades.</param>
/// <param name="StoragePools">The pools of a node with the <c>storage</c> role (null otherwise).</param>
/// <param name="Fleet">The fleet serving the node (its commands go to the fleet's queue), or null for a node's own agent.</param>
public sealed record ComputeNodeRegistration(
    string Hostname,
    IReadOnlyList<string> Roles,
    string AvailabilityZone,
    string Driver,
    HostResources Resources,
    string AgentVersion,
    IReadOnlyList<StoragePoolReport>? StoragePools = null,
    string? Fleet = null);

/// <summary>The body of <c>POST os-funccloud-nodes/{node}/heartbeat</c>.</summary>
/// <param name="SentAt">The agent's clock when sending.</param>
/// <param name="Resources">Capacity and current usage.</param>
/// <param name="InstanceCount">How many instances the driver has.</param>
/// <param name="StoragePools">The pools of a node with the <c>storage</c> role, refreshed (null otherwise).</param>
public sealed record ComputeNodeHeartbeat(DateTimeOffset SentAt, HostResources Resources, int InstanceCount, IReadOnlyList<StoragePoolReport>? StoragePools = null);

/// <summary>
/// One storage pool as a storage node's volume driver measures it (cinder's <c>get_volume_stats</c> pool entry).
/// The control plane keeps its own claims per pool; these numbers set the pool's size and ratios.
/// </summary>
/// <param name="Backend">The backend name (<c>volume_backend_name</c>), e.g. <c>fake</c> or <c>file</c>.</param>
/// <param name="Pool">The pool within the backend.</param>
/// <param name="Driver">The volume driver.</param>
/// <param name="TotalCapacityGb">The pool's size.</param>
/// <param name="FreeCapacityGb">Free space as the backend sees it.</param>
/// <param name="ProvisionedCapacityGb">Space the backend has provisioned.</param>
/// <param name="ThinProvisioning">Whether volumes are thin.</param>
/// <param name="ReservedPercentage">cinder's <c>reserved_percentage</c>.</param>
/// <param name="MaxOverSubscriptionRatio">cinder's <c>max_over_subscription_ratio</c> (applies when thin).</param>
public sealed record StoragePoolReport(
    string Backend,
    string Pool,
    string Driver,
    long TotalCapacityGb,
    long FreeCapacityGb,
    long ProvisionedCapacityGb,
    bool ThinProvisioning,
    int ReservedPercentage,
    double MaxOverSubscriptionRatio);

/// <summary>The role names a node may carry.</summary>
public static class NodeRoles
{
    public const string Compute = "compute";
    public const string Network = "network";
    public const string Storage = "storage";
}
