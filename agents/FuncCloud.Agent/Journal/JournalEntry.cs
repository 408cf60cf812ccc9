using FuncCloud.Shared.Agents;

namespace FuncCloud.Agent.Journal;

/// <summary>The stages a command passes through, in journal order.</summary>
public enum JournalStage
{
    /// <summary>The agent took the message off its queue; the entry carries the whole command.</summary>
    Received,

    /// <summary>The agent is about to call the driver.</summary>
    Started,

    /// <summary>The command finished; the entry carries the result that was (or will be) posted.</summary>
    Completed,
}

/// <summary>One line of the journal file (JSON, <see cref="AgentJson.Options"/>).</summary>
public sealed record JournalEntry(
    string CommandId,
    JournalStage Stage,
    DateTimeOffset At,
    AgentCommand? Command = null,
    AgentResult? Result = null);

/// <summary>What the journal knows about one command: its last stage, the command and, once completed, the result.</summary>
public sealed record JournalState(string CommandId, JournalStage Stage, DateTimeOffset LastAt, AgentCommand? Command, AgentResult? Result);
