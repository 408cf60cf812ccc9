using FuncCloud.Agent.Compute.ConfigDrive;
using FuncCloud.Shared.Agents.Commands;

namespace FuncCloud.Agent.Commands.Handlers;

/// <summary>Rebuilds the instance from its (new) image; running it again only rebuilds again.</summary>
public sealed class RebuildHandler(ConfigDriveFetcher configDrives) : CommandHandler<RebuildCommand>
{
    protected override async Task<object> ExecuteAsync(RebuildCommand payload, CommandExecution execution, CancellationToken cancellationToken)
    {
        // nova rebuilds the config drive too: the name, metadata and image may have changed.
        execution.Step = "api.config_drive";
        var instance = await configDrives.CompleteAsync(execution.NodeName, payload.Instance, cancellationToken);
        await StepAsync(execution, "rebuild", d => d.RebuildAsync(instance, cancellationToken));
        return await StateOutputAsync(execution, payload.ServerId, cancellationToken);
    }
}
