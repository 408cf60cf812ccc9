namespace FuncCloud.LocalHost.Queues;

/// <summary>Source-generated log messages of the queue trigger (event ids 2001-2099).</summary>
internal static partial class QueueTriggerLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Function {functionName} listens on queue {queueName}")]
    public static partial void Listening(ILogger logger, string functionName, string queueName);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Function {functionName} is not started: {reason}")]
    public static partial void NotStarted(ILogger logger, Exception exception, string functionName, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Function {functionName} failed on message {messageId} (attempt {dequeueCount} of {maxDequeueCount}); retry in {visibilityTimeout}")]
    public static partial void Retrying(ILogger logger, Exception exception, string functionName, string messageId, long dequeueCount, int maxDequeueCount, TimeSpan visibilityTimeout);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Function {functionName} failed on message {messageId} {dequeueCount} times; moved to {poisonQueueName}")]
    public static partial void Poisoned(ILogger logger, Exception exception, string functionName, string messageId, long dequeueCount, string poisonQueueName);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Function {functionName}: could not settle message {messageId} on queue {queueName}; it will be delivered again")]
    public static partial void SettleFailed(ILogger logger, Exception exception, string functionName, string messageId, string queueName);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Function {functionName}: polling queue {queueName} failed; backing off")]
    public static partial void PollFailed(ILogger logger, Exception exception, string functionName, string queueName);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Function {functionName}: shutdown cancelled the invocation on message {messageId}; released for redelivery")]
    public static partial void Released(ILogger logger, string functionName, string messageId);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Function {functionName}: {count} invocations still running when the host stopped waiting")]
    public static partial void DrainTimedOut(ILogger logger, string functionName, int count);
}
