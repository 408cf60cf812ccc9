using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Reconcile;

internal static partial class ReconcileLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Debug, Message = "Node {nodeName}: power states of {count} instances reported, {changed} changed")]
    public static partial void Reported(ILogger logger, string nodeName, int count, int changed);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Node {nodeName}: power-state sync failed: {reason}")]
    public static partial void Failed(ILogger logger, string nodeName, string reason);
}
