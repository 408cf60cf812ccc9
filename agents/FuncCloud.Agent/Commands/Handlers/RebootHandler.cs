using FuncCloud.Shared.Agents.Commands;

namespace FuncCloud.Agent.Commands.Handlers;

/// <summary>
/// Reboots. Not skipped when the instance already runs: a reboot interrupted by an agent crash is done again,
/// as nova's compute manager retries REBOOTING instances on start.
/// </summary>
public sealed class RebootHandler : CommandHandler<RebootCommand>
{
    protected override async Task<object> ExecuteAsync(RebootCommand payload, CommandExecution execution, CancellationToken cancellationToken)
    {
        await StepAsync(execution, "reboot", d => d.RebootAsync(payload.ServerId, payload.Type, cancellationToken));
        return await StateOutputAsync(execution, payload.ServerId, cancellationToken);
    }
}
