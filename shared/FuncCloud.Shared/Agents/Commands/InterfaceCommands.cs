using FuncCloud.Shared.Compute;

namespace FuncCloud.Shared.Agents.Commands;

/// <summary>
/// Hot-plug a port into a server on its compute node (nova's <c>attach_interface</c>), once the node's network
/// agent has wired it. Idempotent: a port already plugged is success. Output: the usual <see cref="InstanceStateOutput"/>.
/// </summary>
/// <param name="ServerId">The server.</param>
/// <param name="Port">The VIF (port, network, MAC, addresses, bridge, MTU).</param>
public sealed record AttachInterfaceCommand(string ServerId, NetworkPortSpec Port) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.AttachInterface;
}

/// <summary>Unplug a port from a server (nova's <c>detach_interface</c>); a port not plugged, or a server gone, is success.</summary>
public sealed record DetachInterfaceCommand(string ServerId, NetworkPortSpec Port) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.DetachInterface;
}
