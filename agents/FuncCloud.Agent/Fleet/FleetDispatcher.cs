using FuncCloud.Agent.Commands;
using FuncCloud.Shared.Agents;

namespace FuncCloud.Agent.Fleet;

/// <summary>
/// Hands each command from the fleet's queue to the node it names (<see cref="AgentCommand.Node"/>). A command for a
/// node this fleet does not host is a message failure (retried, then poisoned), never executed by another node.
/// </summary>
public sealed class FleetDispatcher(IReadOnlyDictionary<string, FleetNode> nodes) : ICommandProcessor
{
    public Task<AgentResult> ProcessAsync(AgentCommand command, CancellationToken cancellationToken) =>
        command.Node is { } name && nodes.TryGetValue(name, out var node)
            ? node.Processor.ProcessAsync(command, cancellationToken)
            : throw new InvalidAgentCommandException(command.CommandId, $"node '{command.Node}' is not in this fleet");
}
