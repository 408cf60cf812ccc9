using FuncCloud.Shared.Agents;

namespace FuncCloud.Agent.Commands;

/// <summary>
/// Executes one command kind. Handlers are idempotent: they look at the instance's actual state and do only
/// what is missing, so running one twice (redelivery after a crash) converges on the same outcome.
/// </summary>
public interface ICommandHandler
{
    /// <summary>The <see cref="AgentCommandKinds"/> value handled.</summary>
    string Kind { get; }

    /// <summary>The server the command acts on (commands for one server run one at a time).</summary>
    string ServerIdOf(AgentCommand command);

    /// <summary>Runs the command and returns its output record (serialised into <see cref="AgentResult.Output"/>).</summary>
    Task<object> ExecuteAsync(AgentCommand command, CommandExecution execution, CancellationToken cancellationToken);
}
