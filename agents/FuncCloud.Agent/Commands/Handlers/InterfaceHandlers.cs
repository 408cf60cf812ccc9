using FuncCloud.Shared.Agents.Commands;

namespace FuncCloud.Agent.Commands.Handlers;

/// <summary>Hot-plugs a wired port into the instance.</summary>
public sealed class AttachInterfaceHandler : CommandHandler<AttachInterfaceCommand>
{
    protected override async Task<object> ExecuteAsync(AttachInterfaceCommand payload, CommandExecution execution, CancellationToken cancellationToken)
    {
        await StepAsync(execution, "attach_interface", d => d.AttachInterfaceAsync(payload.ServerId, payload.Port, cancellationToken));
        return await StateOutputAsync(execution, payload.ServerId, cancellationToken);
    }
}

/// <summary>Unplugs a port from the instance; one not plugged (or an instance gone) succeeds.</summary>
public sealed class DetachInterfaceHandler : CommandHandler<DetachInterfaceCommand>
{
    protected override async Task<object> ExecuteAsync(DetachInterfaceCommand payload, CommandExecution execution, CancellationToken cancellationToken)
    {
        await StepAsync(execution, "detach_interface", d => d.DetachInterfaceAsync(payload.ServerId, payload.Port, cancellationToken));
        return new InstanceStateOutput(payload.ServerId, await TryGetInfoAsync(execution, payload.ServerId, cancellationToken), execution.Recovering);
    }
}
