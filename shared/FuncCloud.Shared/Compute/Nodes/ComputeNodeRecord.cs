using FuncCloud.Shared.Compute;

namespace FuncCloud.Shared.Compute.Nodes;

/// <summary>
/// A node that registered through <c>PUT os-funccloud-nodes/{node}</c> (nova's compute node + compute service
/// in one record). Liveness comes from <see cref="LastHeartbeatAt"/>; usage that counts for scheduling is the
/// placement usage document, not <see cref="Resources"/> (what the agent saw last).
/// </summary>
public sealed record ComputeNodeRecord
{
    /// <summary>Stable UUID (hypervisor and service id of os-hypervisors/os-services), assigned at registration.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Hostname { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    public required string AvailabilityZone { get; init; }

    public required string Driver { get; init; }

    public string AgentVersion { get; init; } = "0";

    /// <summary>Capacity and usage as the agent reported them last.</summary>
    public required HostResources Resources { get; init; }

    public int InstanceCount { get; init; }

    /// <summary>False when an operator disabled the service (os-services): the scheduler skips the node.</summary>
    public bool Enabled { get; init; } = true;

    public string? DisabledReason { get; init; }

    /// <summary>An operator declared the node down (os-services forced_down) regardless of heartbeats.</summary>
    public bool ForcedDown { get; init; }

    /// <summary>The hypervisor's stable numeric id (os-hypervisors ids before 2.53).</summary>
    public int Number { get; init; }

    /// <summary>The CPU architecture the node's guests run (ImagePropertiesFilter).</summary>
    public string Architecture { get; init; } = "x86_64";

    /// <summary>The fleet (one agent process for many simulated nodes) whose queue carries this node's commands; null: <c>agent-&lt;node&gt;</c>.</summary>
    public string? Fleet { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public required DateTimeOffset LastHeartbeatAt { get; init; }

    /// <summary>Up: heartbeat younger than <paramref name="downAfter"/> and not forced down.</summary>
    public bool IsUp(DateTimeOffset now, TimeSpan downAfter) => !ForcedDown && now - LastHeartbeatAt <= downAfter;

    /// <summary>True when the node runs servers.</summary>
    public bool IsCompute => Roles.Count == 0 || Roles.Contains(Agents.Nodes.NodeRoles.Compute);
}
