namespace FuncCloud.Shared.Network.Agents;

/// <summary>
/// The node route of the network controller, beside the node registration routes
/// (<c>ComputeNodeRoutes</c>): same prefix, same credential (role <c>service</c> or admin).
/// </summary>
public static class NetworkNodeRoutes
{
    /// <summary>
    /// <c>GET</c>: the node's whole <c>NetworkHostState</c> (AgentJson). Query <c>local_ip</c> = the node's VXLAN
    /// underlay address, recorded so other nodes get it as a peer.
    /// </summary>
    public const string State = "/compute/v2.1/os-funccloud-nodes/{node}/network-state";

    /// <summary>
    /// <c>POST</c> <see cref="PluggedPorts"/>: the instance ports the node's driver has wired (applied). The controller
    /// sets those still bound to the node ACTIVE and raises nova's <c>network-vif-plugged</c> to the server's workflow. 204.
    /// </summary>
    public const string Plugged = "/compute/v2.1/os-funccloud-nodes/{node}/vif-plugged";
}

/// <summary>The body of <see cref="NetworkNodeRoutes.Plugged"/>: the ids of the ports the node's last apply wired.</summary>
public sealed record PluggedPorts(IReadOnlyList<string> Ports);
