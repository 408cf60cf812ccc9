namespace FuncCloud.Shared.Agents.Nodes;

/// <summary>
/// The routes of the node registration API (a FuncCloud extension under the compute service, in the
/// style of nova's <c>os-*</c> extensions). The agent calls them with its own Keystone token.
/// </summary>
public static class ComputeNodeRoutes
{
    /// <summary><c>PUT</c> with a <see cref="ComputeNodeRegistration"/>: create or update the node (200/201).</summary>
    public const string Node = "/compute/v2.1/os-funccloud-nodes/{node}";

    /// <summary><c>POST</c> with a <see cref="ComputeNodeHeartbeat"/>: 204, or 404 when the node is not registered.</summary>
    public const string Heartbeat = "/compute/v2.1/os-funccloud-nodes/{node}/heartbeat";
}
