using FuncCloud.Shared.Compute;

namespace FuncCloud.Shared.Agents.Commands;

/// <summary>
/// Resize an instance on its own node to <paramref name="NewFlavor"/> (nova's migrate_disk_and_power_off +
/// finish_migration). The old sizes stay reserved until <see cref="ConfirmResizeCommand"/> or
/// <see cref="RevertResizeCommand"/>; the instance ends RUNNING when <paramref name="PowerOn"/> (it was
/// running before), SHUTDOWN otherwise.
/// </summary>
public sealed record ResizeCommand(string ServerId, FlavorSpec NewFlavor, bool PowerOn = true) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.Resize;
}

/// <summary>Confirm a pending resize: release the old sizes. Succeeds when nothing is pending.</summary>
public sealed record ConfirmResizeCommand(string ServerId) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.ConfirmResize;
}

/// <summary>Revert a pending resize to the old sizes. Succeeds when nothing is pending.</summary>
public sealed record RevertResizeCommand(string ServerId, bool PowerOn = true) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.RevertResize;
}
