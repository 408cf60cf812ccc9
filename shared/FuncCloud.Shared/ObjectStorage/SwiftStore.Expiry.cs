using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FuncCloud.Shared.ObjectStorage;

/// <summary>An object due for deletion at <see cref="DeleteAt"/> (Unix seconds), as swift's expirer queue holds it.</summary>
public sealed record ExpiryEntry(string Account, string Container, string Object, long DeleteAt);

public sealed partial class SwiftStore
{
    // Partition "x": one row per (delete-at, object), keyed "{deleteAt:D12}|{hash of the names}" so due rows are a key range.
    private const string ExpiryPartition = "x";

    /// <summary>Queues the object for deletion at its <c>DeleteAt</c> (idempotent).</summary>
    public async Task AddExpiryAsync(ExpiryEntry entry, CancellationToken cancellationToken)
    {
        var key = ExpiryRow(entry);
        if (await table.GetAsync<ExpiryEntry>(ExpiryPartition, key, cancellationToken) is null)
        {
            await table.TrySubmitAsync([table.Add(ExpiryPartition, key, entry)], cancellationToken);
        }
    }

    /// <summary>Entries due at or before <paramref name="now"/> (Unix seconds), oldest first.</summary>
    public async Task<IReadOnlyList<ExpiryEntry>> DueExpiriesAsync(long now, int max, CancellationToken cancellationToken)
    {
        var due = new List<ExpiryEntry>();
        var upper = (now + 1).ToString("D12", CultureInfo.InvariantCulture);
        await foreach (var row in table.RangeAsync<ExpiryEntry>(ExpiryPartition, string.Empty, true, upper, Math.Min(max, 1000), cancellationToken))
        {
            due.Add(row.Value);
            if (due.Count >= max)
            {
                break;
            }
        }

        return due;
    }

    /// <summary>Removes a queue entry (after the object was deleted or changed its expiry).</summary>
    public async Task RemoveExpiryAsync(ExpiryEntry entry, CancellationToken cancellationToken)
    {
        if (await table.GetAsync<ExpiryEntry>(ExpiryPartition, ExpiryRow(entry), cancellationToken) is { } row)
        {
            await table.TrySubmitAsync([SwiftTable.Delete(row)], cancellationToken);
        }
    }

    private static string ExpiryRow(ExpiryEntry entry)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{entry.Account}\n{entry.Container}\n{entry.Object}"));
        return entry.DeleteAt.ToString("D12", CultureInfo.InvariantCulture) + "|" + Convert.ToHexStringLower(hash)[..32];
    }
}
