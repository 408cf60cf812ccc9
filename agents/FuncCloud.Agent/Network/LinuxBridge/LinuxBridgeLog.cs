using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Network.LinuxBridge;

internal static partial class LinuxBridgeLog
{
    [LoggerMessage(EventId = 1700, Level = LogLevel.Information, Message = "Node {nodeName}: linuxbridge applied revision {revision} ({networks} networks, {dhcp} DHCP servers, {routers} routers, {ports} ports) in {elapsedMs} ms")]
    public static partial void Applied(ILogger logger, string nodeName, long revision, int networks, int dhcp, int routers, int ports, long elapsedMs);

    [LoggerMessage(EventId = 1701, Level = LogLevel.Warning, Message = "Node {nodeName}: linuxbridge could not apply {resource}: {reason}")]
    public static partial void ResourceFailed(ILogger logger, string nodeName, string resource, string reason);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Information, Message = "Node {nodeName}: linuxbridge removed stale {kind} {name}")]
    public static partial void RemovedStale(ILogger logger, string nodeName, string kind, string name);

    [LoggerMessage(EventId = 1703, Level = LogLevel.Warning, Message = "Node {nodeName}: host prerequisite missing: {what}")]
    public static partial void PrerequisiteMissing(ILogger logger, string nodeName, string what);
}
