namespace FuncCloud.Shared.Agents.Commands;

/// <summary>
/// "Your network state changed": the controller puts it on a node's queue after a change to ports, routers,
/// floating IPs, subnets or security groups that concern the node. It carries no state (the agent fetches the
/// whole <c>NetworkHostState</c>, so a lost or duplicated kick costs nothing) and gets no reply.
/// </summary>
/// <param name="Revision">The revision the change produced at least (the agent may skip a fetch when it already applied a newer one).</param>
public sealed record NetworkSyncCommand(long Revision) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.NetworkSync;

    /// <summary>Not about a server: kicks are never serialised per server.</summary>
    public string ServerId => string.Empty;
}
