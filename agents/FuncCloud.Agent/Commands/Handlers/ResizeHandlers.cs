using FuncCloud.Agent.Compute;
using FuncCloud.Shared.Agents.Commands;
using FuncCloud.Shared.Compute;

namespace FuncCloud.Agent.Commands.Handlers;

/// <summary>
/// Resizes on this node in two driver steps; after a crash between them it only finishes what is missing.
/// </summary>
public sealed class ResizeHandler : CommandHandler<ResizeCommand>
{
    protected override async Task<object> ExecuteAsync(ResizeCommand payload, CommandExecution execution, CancellationToken cancellationToken)
    {
        var info = await TryGetInfoAsync(execution, payload.ServerId, cancellationToken)
            ?? throw new InstanceNotFoundException(payload.ServerId);
        var migrated = info.ResizePending && info.Flavor == payload.NewFlavor;
        if (!migrated)
        {
            await StepAsync(execution, "migrate_disk_and_power_off", d => d.MigrateDiskAndPowerOffAsync(payload.ServerId, payload.NewFlavor, cancellationToken));
        }

        var target = payload.PowerOn ? PowerState.Running : PowerState.Shutdown;
        if (!migrated || info.PowerState != target)
        {
            await StepAsync(execution, "finish_migration", d => d.FinishMigrationAsync(payload.ServerId, payload.NewFlavor, payload.PowerOn, cancellationToken));
        }

        return await StateOutputAsync(execution, payload.ServerId, cancellationToken);
    }
}

/// <summary>Confirms a pending resize; nothing pending means it was confirmed already.</summary>
public sealed class ConfirmResizeHandler : CommandHandler<ConfirmResizeCommand>
{
    protected override async Task<object> ExecuteAsync(ConfirmResizeCommand payload, CommandExecution execution, CancellationToken cancellationToken)
    {
        var info = await TryGetInfoAsync(execution, payload.ServerId, cancellationToken)
            ?? throw new InstanceNotFoundException(payload.ServerId);
        if (info.ResizePending)
        {
            await StepAsync(execution, "confirm_migration", d => d.ConfirmMigrationAsync(payload.ServerId, cancellationToken));
        }

        return await StateOutputAsync(execution, payload.ServerId, cancellationToken);
    }
}

/// <summary>Reverts a pending resize; nothing pending means it was reverted already.</summary>
public sealed class RevertResizeHandler : CommandHandler<RevertResizeCommand>
{
    protected override async Task<object> ExecuteAsync(RevertResizeCommand payload, CommandExecution execution, CancellationToken cancellationToken)
    {
        var info = await TryGetInfoAsync(execution, payload.ServerId, cancellationToken)
            ?? throw new InstanceNotFoundException(payload.ServerId);
        if (info.ResizePending)
        {
            await StepAsync(execution, "finish_revert_migration", d => d.FinishRevertMigrationAsync(payload.ServerId, payload.PowerOn, cancellationToken));
        }

        return await StateOutputAsync(execution, payload.ServerId, cancellationToken);
    }
}
