using FuncCloud.Shared.Agents.Commands;

namespace FuncCloud.Agent.Commands.Handlers;

/// <summary>Rebuilds the instance from its (new) image; running it again only rebuilds again.</summary>
public sealed class RebuildHandler : CommandHandler<RebuildCommand>
{
    protected override async Task<object> ExecuteAsync(RebuildCommand payload, CommandExecution execution, CancellationToken cancellationToken)
    {
        await StepAsync(execution, "rebuild", d => d.RebuildAsync(payload.Instance, cancellationToken));
        return await StateOutputAsync(execution, payload.ServerId, cancellationToken);
    }
}
