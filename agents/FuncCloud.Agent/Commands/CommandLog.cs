using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Commands;

internal static partial class CommandLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Node {nodeName}: command {commandId} ({kind}) for server {serverId} started")]
    public static partial void Started(ILogger logger, string nodeName, string commandId, string kind, string? serverId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Node {nodeName}: command {commandId} ({kind}) for server {serverId} succeeded")]
    public static partial void Succeeded(ILogger logger, string nodeName, string commandId, string kind, string? serverId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Node {nodeName}: command {commandId} ({kind}) for server {serverId} failed: {faultCode} {faultMessage}")]
    public static partial void Failed(ILogger logger, string nodeName, string commandId, string kind, string? serverId, string faultCode, string faultMessage);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Node {nodeName}: command {commandId} ({kind}) was already completed; re-sending its result")]
    public static partial void Redelivered(ILogger logger, string nodeName, string commandId, string kind);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "Node {nodeName}: command {commandId} ({kind}) was interrupted at stage {stage}; recovering from the instance's actual state")]
    public static partial void Recovering(ILogger logger, string nodeName, string commandId, string kind, string stage);
}
