using FuncCloud.Agent.Compute;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Commands;

namespace FuncCloud.Agent.Commands;

/// <summary>Base of the typed handlers: reads the payload, names the driver steps, builds the usual output.</summary>
public abstract class CommandHandler<TPayload> : ICommandHandler
    where TPayload : IAgentCommandPayload
{
    public string Kind => TPayload.Kind;

    public string ServerIdOf(AgentCommand command) => command.ReadPayload<TPayload>().ServerId;

    public async Task<object> ExecuteAsync(AgentCommand command, CommandExecution execution, CancellationToken cancellationToken) =>
        await ExecuteAsync(command.ReadPayload<TPayload>(), execution, cancellationToken);

    protected abstract Task<object> ExecuteAsync(TPayload payload, CommandExecution execution, CancellationToken cancellationToken);

    /// <summary>Reads the instance's state (null when it does not exist).</summary>
    protected static async Task<Shared.Compute.InstanceInfo?> TryGetInfoAsync(CommandExecution execution, string serverId, CancellationToken cancellationToken)
    {
        execution.Step = "driver.get_info";
        try
        {
            return await execution.Driver.GetInstanceInfoAsync(serverId, cancellationToken);
        }
        catch (InstanceNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The standard output: the instance after the command.</summary>
    protected static async Task<object> StateOutputAsync(CommandExecution execution, string serverId, CancellationToken cancellationToken)
    {
        execution.Step = "driver.get_info";
        var info = await execution.Driver.GetInstanceInfoAsync(serverId, cancellationToken);
        return new InstanceStateOutput(serverId, info, execution.Recovering);
    }

    /// <summary>Runs one driver call as a named step.</summary>
    protected static Task StepAsync(CommandExecution execution, string step, Func<IComputeDriver, Task> call)
    {
        execution.Step = "driver." + step;
        return call(execution.Driver);
    }
}
