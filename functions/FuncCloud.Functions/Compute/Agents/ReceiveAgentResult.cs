using System.Text.Json;
using FuncCloud.Shared.Agents;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Functions.Compute.Agents;

/// <summary>
/// <c>agent-results</c> → the waiting workflow: raises each <see cref="AgentResult"/> as the external event the
/// command named. Results for finished or unknown workflows (a redelivered command, a workflow that gave up)
/// are dropped: nobody waits for them, and raising would only pile up events.
/// </summary>
public sealed class ReceiveAgentResult(ILogger<ReceiveAgentResult> logger)
{
    [Function(nameof(ReceiveAgentResult))]
    public async Task RunAsync(
        [QueueTrigger(AgentQueueNames.Results)] string message,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        AgentResult? result;
        try
        {
            result = JsonSerializer.Deserialize<AgentResult>(message, AgentJson.Options);
        }
        catch (JsonException e)
        {
            AgentLog.Unreadable(logger, AgentQueueNames.Results, e.Message);
            return;
        }

        if (result is null)
        {
            return;
        }

        var instance = await durable.GetInstanceAsync(result.OrchestrationId, cancellationToken);
        if (instance is null || instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended))
        {
            AgentLog.ResultIgnored(logger, result.CommandId, result.OrchestrationId, instance?.RuntimeStatus.ToString() ?? "unknown");
            return;
        }

        await durable.RaiseEventAsync(result.OrchestrationId, result.EventName, result, cancellationToken);
    }
}
