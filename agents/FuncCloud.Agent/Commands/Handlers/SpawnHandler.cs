using FuncCloud.Agent.Compute.ConfigDrive;
using FuncCloud.Shared.Agents.Commands;

namespace FuncCloud.Agent.Commands.Handlers;

/// <summary>Builds the instance unless it already exists (a redelivered or recovered spawn does not build twice).</summary>
public sealed class SpawnHandler(ConfigDriveFetcher configDrives) : CommandHandler<SpawnCommand>
{
    protected override async Task<object> ExecuteAsync(SpawnCommand payload, CommandExecution execution, CancellationToken cancellationToken)
    {
        if (await TryGetInfoAsync(execution, payload.ServerId, cancellationToken) is null)
        {
            execution.Step = "api.config_drive";
            var instance = await configDrives.CompleteAsync(execution.NodeName, payload.Instance, cancellationToken);
            await StepAsync(execution, "spawn", d => d.SpawnAsync(instance, cancellationToken));
        }

        return await StateOutputAsync(execution, payload.ServerId, cancellationToken);
    }
}
