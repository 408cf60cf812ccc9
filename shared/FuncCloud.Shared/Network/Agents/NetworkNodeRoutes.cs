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
}
