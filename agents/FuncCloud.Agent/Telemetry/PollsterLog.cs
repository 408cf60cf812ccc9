using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Telemetry;

internal static partial class PollsterLog
{
    [LoggerMessage(EventId = 1700, Level = LogLevel.Information, Message = "Node {nodeName}: telemetry pollster every {interval}")]
    public static partial void Started(ILogger logger, string nodeName, TimeSpan interval);

    [LoggerMessage(EventId = 1701, Level = LogLevel.Debug, Message = "Node {nodeName}: {samples} samples of {instances} instances sent in {batches} batches")]
    public static partial void Sent(ILogger logger, string nodeName, int samples, int instances, int batches);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Warning, Message = "Node {nodeName}: telemetry polling failed, next try in {interval}: {reason}")]
    public static partial void Failed(ILogger logger, string nodeName, TimeSpan interval, string reason);
}
