using System.Globalization;
using System.Text;
using FuncCloud.Functions.ObjectStorage.Api;
using FuncCloud.Shared.ObjectStorage;

namespace FuncCloud.Functions.ObjectStorage.Services;

/// <summary>
/// Swift's versioned_writes: with <c>X-Versions-Location</c> (stack mode) an overwritten object is archived and a
/// DELETE restores the newest archived version; with <c>X-History-Location</c> (history mode) overwrites and
/// deletes both archive the current object. Archives are named <c>{len(name) as 3 hex}{name}/{timestamp}</c> in
/// the archive container. Blobs are immutable, so archiving moves the row's blob reference: no bytes are copied.
/// </summary>
public sealed class ObjectVersioning(SwiftStore store, TimeProvider clock)
{
    /// <summary>Archives <paramref name="previous"/> if the container versions its objects; true when it did.</summary>
    public async Task<bool> ArchiveAsync(SwiftCall call, ObjectRecord previous, CancellationToken cancellationToken)
    {
        var container = (await store.GetContainerAsync(call.Account, call.Container, cancellationToken))?.Value;
        if ((container?.VersionsLocation ?? container?.HistoryLocation) is not { } archive || previous.StaticLargeObject)
        {
            return false;
        }

        var archived = previous with { Name = ArchivePrefix(previous.Name) + Timestamp(previous.LastModified), DeleteAt = null };
        return await store.PutObjectAsync(call.Account, archive, archived, null, cancellationToken) is not null;
    }

    /// <summary>True when a DELETE in this container archives the current object first (history mode).</summary>
    public async Task<bool> IsHistoryModeAsync(SwiftCall call, CancellationToken cancellationToken) =>
        (await store.GetContainerAsync(call.Account, call.Container, cancellationToken))?.Value.HistoryLocation is not null;

    /// <summary>Stack mode: after a DELETE, moves the newest archived version back in place; true when one was restored.</summary>
    public async Task<bool> RestoreAsync(SwiftCall call, CancellationToken cancellationToken)
    {
        var container = (await store.GetContainerAsync(call.Account, call.Container, cancellationToken))?.Value;
        if (container?.VersionsLocation is not { } archive)
        {
            return false;
        }

        var query = new ListingQuery(ArchivePrefix(call.Object), null, null, null, 1, Reverse: true);
        await foreach (var item in store.ListObjectsAsync(call.Account, archive, query, cancellationToken))
        {
            var version = item.Value!;
            var restored = version with { Name = call.Object, LastModified = clock.GetUtcNow() };
            if (await store.PutObjectAsync(call.Account, call.Container, restored, null, cancellationToken) is { } write)
            {
                await store.DeleteObjectAsync(call.Account, archive, version.Name, clock.GetUtcNow(), cancellationToken);
                return write is not null;
            }
        }

        return false;
    }

    private static string ArchivePrefix(string name) => Encoding.UTF8.GetByteCount(name).ToString("x3", CultureInfo.InvariantCulture) + name + "/";

    private static string Timestamp(DateTimeOffset when) =>
        (when.ToUnixTimeMilliseconds() / 1000.0).ToString("0000000000.00000", CultureInfo.InvariantCulture);
}
