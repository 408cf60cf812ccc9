using FuncCloud.Shared.Compute;

namespace FuncCloud.Shared.Agents.Commands;

/// <summary>
/// Build and start an instance. Idempotent: if the server already runs on the node, the agent replies
/// success without building it again; a failed spawn leaves nothing behind on the node.
/// </summary>
/// <param name="Instance">The instance to build; <see cref="InstanceSpec.Ports"/> may be empty.</param>
public sealed record SpawnCommand(InstanceSpec Instance) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.Spawn;

    public string ServerId => Instance.ServerId;
}

/// <summary>Destroy an instance and its local disks. Succeeds when the server is already gone.</summary>
public sealed record DestroyCommand(string ServerId) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.Destroy;
}

/// <summary>
/// Rebuild an instance from <see cref="InstanceSpec.Image"/> keeping its id, flavor and ports (its disks
/// are recreated). Re-running a rebuild is harmless.
/// </summary>
public sealed record RebuildCommand(InstanceSpec Instance) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.Rebuild;

    public string ServerId => Instance.ServerId;
}
