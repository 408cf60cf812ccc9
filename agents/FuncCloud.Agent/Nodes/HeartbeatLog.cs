using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Nodes;

internal static partial class HeartbeatLog
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Node {nodeName} registered ({vcpus} VCPU, {memoryMb} MEMORY_MB, {diskGb} DISK_GB)")]
    public static partial void Registered(ILogger logger, string nodeName, int vcpus, int memoryMb, int diskGb);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Node {nodeName}: {call} failed, retrying in {backoff}: {reason}")]
    public static partial void Failed(ILogger logger, string nodeName, string call, TimeSpan backoff, string reason);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "Node {nodeName}: the API does not know this node any more; registering again")]
    public static partial void Forgotten(ILogger logger, string nodeName);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Information, Message = "Node {nodeName}: no API endpoint configured; running without registration and heartbeat")]
    public static partial void Disabled(ILogger logger, string nodeName);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Information, Message = "Node {nodeName} started: queue {queueName}, driver {driver}, journal {journalPath}")]
    public static partial void NodeStarted(ILogger logger, string nodeName, string queueName, string driver, string journalPath);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Warning, Message = "Node {nodeName}: {count} commands were interrupted by the last stop; they resume when their messages are redelivered")]
    public static partial void InDoubt(ILogger logger, string nodeName, int count);

    [LoggerMessage(EventId = 1506, Level = LogLevel.Warning, Message = "Node {nodeName}: storage not ready ({reason}); retrying in {backoff}")]
    public static partial void StorageNotReady(ILogger logger, string nodeName, string reason, TimeSpan backoff);
}
