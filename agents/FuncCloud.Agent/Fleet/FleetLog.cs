using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Fleet;

internal static partial class FleetLog
{
    [LoggerMessage(EventId = 1700, Level = LogLevel.Information, Message = "Fleet {fleet} started: {count} nodes, queue {queueName}, journal {journalPath}")]
    public static partial void Started(ILogger logger, string fleet, int count, string queueName, string journalPath);

    [LoggerMessage(EventId = 1701, Level = LogLevel.Information, Message = "Fleet {fleet}: {count} nodes registered ({created} new)")]
    public static partial void Registered(ILogger logger, string fleet, int count, int created);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Warning, Message = "Fleet {fleet}: {call} failed, retrying in {backoff}: {reason}")]
    public static partial void Failed(ILogger logger, string fleet, string call, TimeSpan backoff, string reason);

    [LoggerMessage(EventId = 1703, Level = LogLevel.Warning, Message = "Fleet {fleet}: the API does not know {count} of its nodes (first {node}); registering them again")]
    public static partial void Forgotten(ILogger logger, string fleet, int count, string node);

    [LoggerMessage(EventId = 1704, Level = LogLevel.Debug, Message = "Fleet {fleet}: heartbeat of {alive} nodes ({changed} changed) in {elapsedMs} ms")]
    public static partial void Beat(ILogger logger, string fleet, int alive, int changed, long elapsedMs);

    [LoggerMessage(EventId = 1705, Level = LogLevel.Warning, Message = "Fleet {fleet}: node {node} silenced; it stops heartbeating")]
    public static partial void Silenced(ILogger logger, string fleet, string node);

    [LoggerMessage(EventId = 1706, Level = LogLevel.Warning, Message = "Fleet {fleet}: power-state round failed for node {node}: {reason}")]
    public static partial void ReconcileFailed(ILogger logger, string fleet, string node, string reason);
}
