using FuncCloud.Shared.Compute;

namespace FuncCloud.Shared.Agents.Nodes;

/// <summary>The body of <c>PUT os-funccloud-nodes/{node}</c>: who the node is and what it offers.</summary>
/// <param name="Hostname">The machine's hostname (several simulated nodes may share one).</param>
/// <param name="Roles">The node's roles (<see cref="NodeRoles"/>).</param>
/// <param name="AvailabilityZone">The availability zone the node belongs to.</param>
/// <param name="Driver">The compute driver (e.g. <c>fake</c>, <c>libvirt</c>).</param>
/// <param name="Resources">Capacity and current usage.</param>
/// <param name="AgentVersion">The agent's version, for rolling upgrades.</param>
public sealed record ComputeNodeRegistration(
    string Hostname,
    IReadOnlyList<string> Roles,
    string AvailabilityZone,
    string Driver,
    HostResources Resources,
    string AgentVersion);

/// <summary>The body of <c>POST os-funccloud-nodes/{node}/heartbeat</c>.</summary>
/// <param name="SentAt">The agent's clock when sending.</param>
/// <param name="Resources">Capacity and current usage.</param>
/// <param name="InstanceCount">How many instances the driver has.</param>
public sealed record ComputeNodeHeartbeat(DateTimeOffset SentAt, HostResources Resources, int InstanceCount);

/// <summary>The role names a node may carry.</summary>
public static class NodeRoles
{
    public const string Compute = "compute";
    public const string Network = "network";
    public const string Storage = "storage";
}
