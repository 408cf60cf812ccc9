using FuncCloud.Shared.Network.Agents;
using FuncCloud.Shared.Network.Wiring;
using Refit;

namespace FuncCloud.Agent.Network;

/// <summary>The network controller's node API, called with the agent's Keystone token (route in <see cref="NetworkNodeRoutes"/>).</summary>
public interface INetworkStateApi
{
    /// <summary>The node's whole desired network state; <paramref name="localIp"/> is recorded as its VXLAN address.</summary>
    [Get(NetworkNodeRoutes.State)]
    Task<NetworkHostState> GetStateAsync(string node, [AliasAs("local_ip")] string? localIp, CancellationToken cancellationToken);

    /// <summary>Reports the ports the last apply wired (they go ACTIVE; nova's <c>network-vif-plugged</c>).</summary>
    [Post(NetworkNodeRoutes.Plugged)]
    Task ReportPluggedAsync(string node, [Body] PluggedPorts ports, CancellationToken cancellationToken);
}
