using System.Text.Json;
using FuncCloud.Shared.Agents;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Functions.Compute.Agents;

/// <summary><c>agent-events</c>: unsolicited agent reports; today the power-state sync.</summary>
public sealed class ReceiveAgentEvent(PowerStateSync sync, ILogger<ReceiveAgentEvent> logger)
{
    [Function(nameof(ReceiveAgentEvent))]
    public async Task RunAsync([QueueTrigger(AgentQueueNames.Events)] string message, CancellationToken cancellationToken)
    {
        PowerStateReport? report;
        try
        {
            report = JsonSerializer.Deserialize<PowerStateReport>(message, AgentJson.Options);
        }
        catch (JsonException e)
        {
            AgentLog.Unreadable(logger, AgentQueueNames.Events, e.Message);
            return;
        }

        if (report?.Kind == PowerStateReport.EventKind)
        {
            await sync.ApplyAsync(report, cancellationToken);
        }
    }
}
