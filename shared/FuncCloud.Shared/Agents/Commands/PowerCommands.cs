using FuncCloud.Shared.Compute;

namespace FuncCloud.Shared.Agents.Commands;

/// <summary>Reboot an instance; it ends RUNNING. A redelivered, unfinished reboot reboots again (as nova does).</summary>
public sealed record RebootCommand(string ServerId, RebootType Type) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.Reboot;
}

/// <summary>
/// Power an instance off; it ends SHUTDOWN. The driver first asks the guest to shut down cleanly and waits up
/// to <paramref name="CleanShutdownTimeoutSeconds"/> before pulling the plug (0: pull it at once).
/// </summary>
public sealed record PowerOffCommand(string ServerId, int CleanShutdownTimeoutSeconds = 60) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.PowerOff;
}

/// <summary>Power an instance on; it ends RUNNING.</summary>
public sealed record PowerOnCommand(string ServerId) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.PowerOn;
}

/// <summary>Pause a RUNNING instance; it ends PAUSED.</summary>
public sealed record PauseCommand(string ServerId) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.Pause;
}

/// <summary>Unpause a PAUSED instance; it ends RUNNING.</summary>
public sealed record UnpauseCommand(string ServerId) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.Unpause;
}

/// <summary>Suspend (save to disk) a RUNNING or PAUSED instance; it ends SUSPENDED.</summary>
public sealed record SuspendCommand(string ServerId) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.Suspend;
}

/// <summary>Resume a SUSPENDED instance; it ends RUNNING.</summary>
public sealed record ResumeCommand(string ServerId) : IAgentCommandPayload
{
    public static string Kind => AgentCommandKinds.Resume;
}
