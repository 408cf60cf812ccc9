using Microsoft.Extensions.Logging;

namespace FuncCloud.Functions.Telemetry.Collection;

internal static partial class CollectionLog
{
    [LoggerMessage(EventId = 7710, Level = LogLevel.Debug, Message = "Samples batch {batchId} from {source}: {written} of {count} samples written")]
    public static partial void Ingested(ILogger logger, string batchId, string source, int written, int count);

    [LoggerMessage(EventId = 7711, Level = LogLevel.Warning, Message = "Samples message poisoned: {reason}")]
    public static partial void Poisoned(ILogger logger, string reason);
}
