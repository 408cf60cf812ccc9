namespace FuncCloud.Shared.Agents;

/// <summary>
/// A command payload record. Each payload type declares its kind once, so senders never spell a kind
/// by hand: <see cref="AgentCommand.Create{TPayload}"/> reads it from the type.
/// </summary>
public interface IAgentCommandPayload
{
    /// <summary>The <see cref="AgentCommandKinds"/> value of this payload type.</summary>
    static abstract string Kind { get; }

    /// <summary>The Nova server the command acts on (the agent serialises commands per server).</summary>
    string ServerId { get; }
}
