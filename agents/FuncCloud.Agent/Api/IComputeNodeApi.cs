using FuncCloud.Shared.Agents.Nodes;
using Refit;

namespace FuncCloud.Agent.Api;

/// <summary>
/// The node registration API the agent calls with its own Keystone token (routes in
/// <see cref="ComputeNodeRoutes"/>). Non-success statuses surface as Refit <see cref="ApiException"/>.
/// </summary>
public interface IComputeNodeApi
{
    /// <summary>Registers or updates the node: <c>PUT /compute/v2.1/os-funccloud-nodes/{node}</c>.</summary>
    [Put(ComputeNodeRoutes.Node)]
    Task RegisterAsync(string node, [Body] ComputeNodeRegistration registration, CancellationToken cancellationToken);

    /// <summary>Reports liveness and usage: <c>POST /compute/v2.1/os-funccloud-nodes/{node}/heartbeat</c>.</summary>
    [Post(ComputeNodeRoutes.Heartbeat)]
    Task HeartbeatAsync(string node, [Body] ComputeNodeHeartbeat heartbeat, CancellationToken cancellationToken);

    /// <summary>
    /// Long-polls for a command enqueued for the node: <c>GET /compute/v2.1/os-funccloud-nodes/{node}/command-signal</c>;
    /// answers at once when the sequence differs from <paramref name="since"/>, else within <paramref name="wait"/> seconds.
    /// </summary>
    [Get(ComputeNodeRoutes.CommandSignal)]
    Task<CommandSignal> WaitForCommandsAsync(string node, long since, int wait, CancellationToken cancellationToken);

    /// <summary>Tells the control plane results are on its queue: <c>POST /compute/v2.1/os-funccloud-nodes/{node}/results-posted</c>.</summary>
    [Post(ComputeNodeRoutes.ResultsPosted)]
    Task ResultsPostedAsync(string node, CancellationToken cancellationToken);

    /// <summary>Registers many nodes of a fleet: <c>PUT /compute/v2.1/os-funccloud-fleets/{fleet}/nodes</c>.</summary>
    [Put(ComputeNodeRoutes.FleetNodes)]
    Task<FleetRegistrationResult> RegisterFleetAsync(string fleet, [Body] FleetRegistration registration, CancellationToken cancellationToken);

    /// <summary>One heartbeat for many nodes of a fleet: <c>POST /compute/v2.1/os-funccloud-fleets/{fleet}/heartbeat</c>.</summary>
    [Post(ComputeNodeRoutes.FleetHeartbeat)]
    Task<FleetHeartbeatResult> FleetHeartbeatAsync(string fleet, [Body] FleetHeartbeat heartbeat, CancellationToken cancellationToken);

    /// <summary>The fleet's long-poll for commands: <c>GET /compute/v2.1/os-funccloud-fleets/{fleet}/command-signal</c>.</summary>
    [Get(ComputeNodeRoutes.FleetCommandSignal)]
    Task<CommandSignal> WaitForFleetCommandsAsync(string fleet, long since, int wait, CancellationToken cancellationToken);
}
