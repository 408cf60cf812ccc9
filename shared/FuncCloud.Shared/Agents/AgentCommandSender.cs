using System.Text.Json;
using Azure.Storage.Queues;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Agents;

/// <summary>
/// Puts commands on a node's queue: what a control-plane activity calls. Register it as a singleton next to
/// <c>AddFuncCloudStorage</c>; it uses the prefixed queue names of <see cref="StorageNames"/>.
/// </summary>
/// <example>
/// An orchestration step that powers a server off:
/// <code>
/// // activity
/// var command = AgentCommand.Create(
///     commandId: $"{orchestrationId}:power-off",   // stable per step
///     orchestrationId, eventName: $"agent-result:power-off", new PowerOffCommand(serverId), issuedAt: now, deadline: now.AddMinutes(5));
/// await sender.SendAsync(nodeName, command, ct);
/// // orchestrator
/// var result = await context.WaitForExternalEvent&lt;AgentResult&gt;("agent-result:power-off", TimeSpan.FromMinutes(5));
/// </code>
/// </example>
public sealed class AgentCommandSender(QueueServiceClient queues, StorageNames names, NodeCommandSignals? signals = null, Compute.Nodes.NodeFleets? fleets = null)
{
    /// <summary>
    /// Sends <paramref name="command"/> to <c>agent-&lt;node&gt;</c>, creating the queue when missing, then wakes the
    /// node's long-poll if this process serves it (<see cref="NodeCommandSignals"/>). A node served by a fleet gets it on the
    /// fleet's queue with <see cref="AgentCommand.Node"/> set, and the fleet's long-poll is woken instead.
    /// </summary>
    public async Task SendAsync(string nodeName, AgentCommand command, CancellationToken cancellationToken)
    {
        var fleet = fleets is null ? null : await fleets.FleetOfAsync(nodeName, cancellationToken).ConfigureAwait(false);
        if (fleet is not null)
        {
            command = command with { Node = nodeName };
        }

        var queue = queues.GetQueueClient(names.Queue(fleet is null ? AgentQueueNames.ForNode(nodeName) : AgentQueueNames.ForFleet(fleet)));
        var body = JsonSerializer.Serialize(command, AgentJson.Options);
        try
        {
            await queue.SendMessageAsync(body, cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // The node never ran (or its queue was deleted): create it so the command waits for the agent.
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await queue.SendMessageAsync(body, cancellationToken).ConfigureAwait(false);
        }

        signals?.Signal(fleet is null ? nodeName : AgentQueueNames.FleetSignal(fleet));
    }
}
