using FuncCloud.Shared.Agents;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Durable.Compute.Activities;

/// <summary>Input of <see cref="SendAgentCommand"/>.</summary>
public sealed record SendAgentCommandInput(string Node, AgentCommand Command);

/// <summary>Puts a command on a node's queue, nothing else (for reads that are not instance-action steps).</summary>
public sealed class SendAgentCommand(AgentCommandSender sender)
{
    [Function(nameof(SendAgentCommand))]
    public Task RunAsync([ActivityTrigger] SendAgentCommandInput input, CancellationToken cancellationToken) =>
        sender.SendAsync(input.Node, input.Command, cancellationToken);
}
