using FuncCloud.Shared.Agents.Commands;

namespace FuncCloud.Agent.Commands.Handlers;

/// <summary>Destroys the instance; the driver treats a missing one as success.</summary>
public sealed class DestroyHandler : CommandHandler<DestroyCommand>
{
    protected override async Task<object> ExecuteAsync(DestroyCommand payload, CommandExecution execution, CancellationToken cancellationToken)
    {
        await StepAsync(execution, "destroy", d => d.DestroyAsync(payload.ServerId, cancellationToken));
        return new InstanceStateOutput(payload.ServerId, null, execution.Recovering);
    }
}
