namespace FuncCloud.LocalHost.Durable;

/// <summary>Log messages of the durable task host (event ids 3000-3099).</summary>
internal static partial class DurableTaskLog
{
    [LoggerMessage(3000, LogLevel.Information, "Durable task worker started on hub {hubName}: {orchestrators} orchestrators, {activities} activities, {partitions} partitions.")]
    public static partial void WorkerStarted(ILogger logger, string hubName, int orchestrators, int activities, int partitions);

    [LoggerMessage(3001, LogLevel.Information, "Durable task worker on hub {hubName} stopped.")]
    public static partial void WorkerStopped(ILogger logger, string hubName);

    [LoggerMessage(3002, LogLevel.Warning, "Durable task worker on hub {hubName} did not stop gracefully in time; stopping it forcibly.")]
    public static partial void WorkerForcedStop(ILogger logger, string hubName);

    [LoggerMessage(3010, LogLevel.Information, "Scheduled orchestration {orchestrationName} as {instanceId}.")]
    public static partial void OrchestrationScheduled(ILogger logger, string orchestrationName, string instanceId);

    [LoggerMessage(3011, LogLevel.Information, "Orchestration {instanceId} is {status}: a new start with the same id was refused.")]
    public static partial void OrchestrationAlreadyExists(ILogger logger, string instanceId, string status);

    [LoggerMessage(3012, LogLevel.Information, "Terminated orchestration {instanceId} ({status}) to replace it with a new start.")]
    public static partial void OrchestrationReplaced(ILogger logger, string instanceId, string status);

    [LoggerMessage(3020, LogLevel.Warning, "Orchestration {instanceId} failed but its failure details could not be derived from its history.")]
    public static partial void FailureDetailsUnavailable(ILogger logger, Exception exception, string instanceId);
}
