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
}
