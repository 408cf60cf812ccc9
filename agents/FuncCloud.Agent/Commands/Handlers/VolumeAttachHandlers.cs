using FuncCloud.Shared.Agents.Commands;

namespace FuncCloud.Agent.Commands.Handlers;

/// <summary>Hot-plugs an exported volume into the instance.</summary>
public sealed class AttachVolumeHandler : CommandHandler<AttachVolumeCommand>
{
    protected override async Task<object> ExecuteAsync(AttachVolumeCommand payload, CommandExecution execution, CancellationToken cancellationToken)
    {
        await StepAsync(execution, "attach_volume", d => d.AttachVolumeAsync(payload.ServerId, payload.VolumeId, payload.Device, payload.Connection, cancellationToken));
        return await StateOutputAsync(execution, payload.ServerId, cancellationToken);
    }
}

/// <summary>Unplugs a volume from the instance; one not attached (or an instance gone) succeeds.</summary>
public sealed class DetachVolumeHandler : CommandHandler<DetachVolumeCommand>
{
    protected override async Task<object> ExecuteAsync(DetachVolumeCommand payload, CommandExecution execution, CancellationToken cancellationToken)
    {
        await StepAsync(execution, "detach_volume", d => d.DetachVolumeAsync(payload.ServerId, payload.VolumeId, cancellationToken));
        return new InstanceStateOutput(payload.ServerId, await TryGetInfoAsync(execution, payload.ServerId, cancellationToken), execution.Recovering);
    }
}
