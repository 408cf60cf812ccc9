using Microsoft.Extensions.Logging;

namespace FuncCloud.Functions.Compute.Agents;

/// <summary>Logging of the agent-facing functions.</summary>
internal static partial class AgentLog
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Agent result {commandId} for {orchestrationId} ignored: the workflow is {status}")]
    public static partial void ResultIgnored(ILogger logger, string commandId, string orchestrationId, string status);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Unreadable agent message on {queue} dropped: {reason}")]
    public static partial void Unreadable(ILogger logger, string queue, string reason);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Information, Message = "Server {serverId} on {node}: power state {powerState}, vm_state {vmState} (sync)")]
    public static partial void PowerSynced(ILogger logger, string serverId, string node, string powerState, string vmState);
}
