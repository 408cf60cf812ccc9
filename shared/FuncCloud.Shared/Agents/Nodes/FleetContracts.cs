using FuncCloud.Shared.Compute;

namespace FuncCloud.Shared.Agents.Nodes;

/// <summary>One node of a fleet's bulk registration (<see cref="ComputeNodeRoutes.FleetNodes"/>).</summary>
/// <param name="Name">The node name (a lower-case DNS label, as for a single node).</param>
/// <param name="Registration">What a single node would send to <c>PUT os-funccloud-nodes/{node}</c>.</param>
public sealed record FleetNodeRegistration(string Name, ComputeNodeRegistration Registration);

/// <summary>The body of <c>PUT os-funccloud-fleets/{fleet}/nodes</c>: up to <see cref="FleetLimits.RegistrationBatch"/> nodes.</summary>
public sealed record FleetRegistration(IReadOnlyList<FleetNodeRegistration> Nodes);

/// <summary>The answer of a bulk registration: how many nodes were new and how many were known already.</summary>
public sealed record FleetRegistrationResult(int Created, int Updated);

/// <summary>A fleet node whose capacity or instance count changed since the fleet last reported it.</summary>
public sealed record FleetNodeBeat(string Name, HostResources Resources, int InstanceCount);

/// <summary>
/// The body of <c>POST os-funccloud-fleets/{fleet}/heartbeat</c>: every node in <paramref name="Alive"/> or
/// <paramref name="Changed"/> is alive at <paramref name="SentAt"/>'s arrival; only <paramref name="Changed"/> carries
/// usage (the rest is what the control plane already holds), so a steady fleet's beat costs a few liveness rows.
/// </summary>
/// <param name="SentAt">The fleet's clock when sending.</param>
/// <param name="Alive">Nodes alive with nothing new to report.</param>
/// <param name="Changed">Nodes alive whose usage changed.</param>
public sealed record FleetHeartbeat(DateTimeOffset SentAt, IReadOnlyList<string> Alive, IReadOnlyList<FleetNodeBeat> Changed);

/// <summary>The answer of a fleet heartbeat: the nodes the control plane does not know (the fleet registers them again).</summary>
public sealed record FleetHeartbeatResult(IReadOnlyList<string> Unknown);

/// <summary>Size limits of the fleet calls (they bound a request's body and its storage work).</summary>
public static class FleetLimits
{
    /// <summary>Nodes per bulk registration call.</summary>
    public const int RegistrationBatch = 100;

    /// <summary>Nodes per heartbeat call (alive and changed together).</summary>
    public const int HeartbeatBatch = 10_000;
}
