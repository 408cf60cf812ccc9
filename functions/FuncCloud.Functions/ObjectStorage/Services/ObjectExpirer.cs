using FuncCloud.Shared.ObjectStorage;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Functions.ObjectStorage.Services;

/// <summary>
/// Swift's object-expirer: deletes the objects whose <c>X-Delete-At</c> has passed (they are already hidden from
/// reads) and drops their queue entries. An entry whose object was overwritten or re-dated is just dropped.
/// </summary>
public sealed partial class ObjectExpirer(SwiftStore store, ObjectDataStore data, TimeProvider clock, ILogger<ObjectExpirer> logger)
{
    /// <summary>Entries handled per run (the next run continues).</summary>
    public const int BatchSize = 500;

    /// <summary>Deletes what is due; returns how many objects were deleted.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deleted = 0;
        foreach (var entry in await store.DueExpiriesAsync(now.ToUnixTimeSeconds(), BatchSize, cancellationToken))
        {
            var removed = await store.DeleteObjectAsync(entry.Account, entry.Container, entry.Object, now, cancellationToken, o => o.DeleteAt == entry.DeleteAt);
            if (removed is not null)
            {
                await data.DeleteAsync(removed.Blob, cancellationToken);
                deleted++;
            }

            await store.RemoveExpiryAsync(entry, cancellationToken);
        }

        if (deleted > 0)
        {
            LogExpired(logger, deleted);
        }

        return deleted;
    }

    [LoggerMessage(EventId = 12021, Level = LogLevel.Information, Message = "Object expirer: {count} expired objects deleted")]
    private static partial void LogExpired(ILogger logger, int count);
}
