using FuncCloud.Agent.Storage;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Agents.Commands;

namespace FuncCloud.Agent.Commands.Handlers.Storage;

/// <summary>Base of the storage-node handlers: the node's volume driver, named steps.</summary>
public abstract class VolumeCommandHandler<TPayload> : ICommandHandler
    where TPayload : IAgentCommandPayload
{
    public string Kind => TPayload.Kind;

    public string ServerIdOf(AgentCommand command) => command.ReadPayload<TPayload>().ServerId;

    public async Task<object> ExecuteAsync(AgentCommand command, CommandExecution execution, CancellationToken cancellationToken)
    {
        var payload = command.ReadPayload<TPayload>();
        var driver = execution.VolumeDriver
            ?? throw new VolumeDriverException($"node {execution.NodeName} does not have the storage role");
        return await ExecuteAsync(payload, driver, execution, cancellationToken);
    }

    protected abstract Task<object> ExecuteAsync(TPayload payload, IVolumeDriver driver, CommandExecution execution, CancellationToken cancellationToken);

    /// <summary>The usual output: the volume's size on the backend now.</summary>
    protected static async Task<object> SizeOutputAsync(IVolumeDriver driver, CommandExecution execution, string volumeId, CancellationToken cancellationToken)
    {
        execution.Step = "volume_driver.get_size";
        return new VolumeCommandOutput(volumeId, await driver.GetVolumeSizeBytesAsync(volumeId, cancellationToken));
    }

    /// <summary>The format a command names (<c>raw</c> or <c>qcow2</c>).</summary>
    protected static VolumeFormat FormatOf(string format) =>
        string.Equals(format, "raw", StringComparison.OrdinalIgnoreCase) ? VolumeFormat.Raw : VolumeFormat.Qcow2;
}
