using FuncCloud.Shared.Agents;

namespace FuncCloud.Agent.Commands;

/// <summary>What a <see cref="Queues.CommandPump"/> hands each command to: one node's processor, or a fleet's dispatcher.</summary>
public interface ICommandProcessor
{
    /// <summary>Processes the command and posts its result; returns the result posted.</summary>
    Task<AgentResult> ProcessAsync(AgentCommand command, CancellationToken cancellationToken);
}
