namespace FuncCloud.LocalHost.Timers;

/// <summary>Source-generated log messages of the timer trigger (event ids 3001-3099).</summary>
internal static partial class TimerTriggerLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Function {functionName} scheduled '{schedule}'; next occurrence {next:O}")]
    public static partial void Scheduled(ILogger logger, string functionName, TimerSchedule schedule, DateTimeOffset next);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Function {functionName} is not started: {reason}")]
    public static partial void NotStarted(ILogger logger, Exception exception, string functionName, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Timer function {functionName} failed; the schedule continues")]
    public static partial void Failed(ILogger logger, Exception exception, string functionName);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Timer function {functionName}: occurrence {occurrence:O} skipped, another replica holds the singleton lease")]
    public static partial void NotLeader(ILogger logger, string functionName, DateTimeOffset occurrence);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Timer function {functionName}: the singleton lease could not be checked; occurrence {occurrence:O} skipped")]
    public static partial void LeaseFailed(ILogger logger, Exception exception, string functionName, DateTimeOffset occurrence);
}
