using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Network;

/// <summary>The network agent's log messages.</summary>
internal static partial class NetworkLog
{
    [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "Node {node}: network agent started with driver {driver}, periodic sync every {interval}.")]
    public static partial void Started(ILogger logger, string node, string driver, TimeSpan interval);

    [LoggerMessage(EventId = 4602, Level = LogLevel.Debug, Message = "Node {node}: network state {revision} applied ({networks} networks, {ports} ports, {dhcp} DHCP servers, {routers} routers) in {milliseconds} ms.")]
    public static partial void Applied(ILogger logger, string node, long revision, int networks, int ports, int dhcp, int routers, double milliseconds);

    [LoggerMessage(EventId = 4603, Level = LogLevel.Warning, Message = "Node {node}: network sync failed ({error}); retrying in {backoff}.")]
    public static partial void SyncFailed(ILogger logger, string node, string error, TimeSpan backoff);

    [LoggerMessage(EventId = 4604, Level = LogLevel.Debug, Message = "Node {node}: skipped network state {revision}, older than the applied {applied}.")]
    public static partial void Stale(ILogger logger, string node, long revision, long applied);

    [LoggerMessage(EventId = 4605, Level = LogLevel.Information, Message = "Node {node}: no API endpoint configured, the network agent does not run.")]
    public static partial void Disabled(ILogger logger, string node);

    [LoggerMessage(EventId = 4606, Level = LogLevel.Debug, Message = "Node {node}: reported {count} plugged ports.")]
    public static partial void Plugged(ILogger logger, string node, int count);
}
