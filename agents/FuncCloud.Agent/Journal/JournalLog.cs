using Microsoft.Extensions.Logging;

namespace FuncCloud.Agent.Journal;

internal static partial class JournalLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Journal {path} line {line} is unreadable (torn by a crash?); ignored")]
    public static partial void TornLine(ILogger logger, string path, int line);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Journal {path} compacted: {expired} expired commands dropped, {kept} kept")]
    public static partial void Compacted(ILogger logger, string path, int expired, int kept);
}
