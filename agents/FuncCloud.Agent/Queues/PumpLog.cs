using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Queues;

internal static partial class PumpLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Warning, Message = "Node {nodeName}: receiving from {queueName} failed ({status}): {reason}")]
    public static partial void ReceiveFailed(ILogger logger, string nodeName, string queueName, int status, string reason);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Node {nodeName}: message {messageId} failed on dequeue {dequeueCount}: {reason}")]
    public static partial void MessageFailed(ILogger logger, string nodeName, string messageId, long dequeueCount, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Node {nodeName}: message {messageId} moved to the poison queue after {dequeueCount} dequeues: {reason}")]
    public static partial void Poisoned(ILogger logger, string nodeName, string messageId, long dequeueCount, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Node {nodeName}: releasing message {messageId} failed ({status}): {reason}")]
    public static partial void ReleaseFailed(ILogger logger, string nodeName, string messageId, int status, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Lease renewal of message {messageId} on {queueName} failed ({status}): {reason}")]
    public static partial void LeaseRenewalFailed(ILogger logger, string queueName, string messageId, int status, string reason);
}
