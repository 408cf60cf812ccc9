using Azure.Data.Tables;

namespace FuncCloud.Shared.ObjectStorage;

/// <summary>The outcome of an object write: the object replaced (its blob is now garbage), if any.</summary>
public sealed record ObjectWrite(ObjectRecord? Previous);

/// <summary>
/// Accounts, containers and objects in <see cref="SwiftTable"/>. Layout (keys from <see cref="SwiftKeys"/>):
/// partition <c>a|{account}</c> holds the account row <c>a</c> and one listing row <c>c{key(container)}</c>
/// per container; partition <c>c|{account}|{key(container)}</c> holds the container row <c>c</c> and one row
/// <c>o{key(object)}</c> per object. An object write and its container's totals are one transaction; the
/// account's totals and listing row follow by compare-and-swap (swift's account totals are eventually
/// consistent too).
/// </summary>
public sealed partial class SwiftStore(SwiftTable table)
{
    /// <summary>Compare-and-swap attempts before giving up (contention on one container's totals row).</summary>
    public const int MaxAttempts = 200;

    private const string AccountRow = "a";
    private const string ContainerRow = "c";

    /// <summary>The account, or null when it was never used.</summary>
    public Task<SwiftRow<AccountRecord>?> GetAccountAsync(string account, CancellationToken cancellationToken) =>
        table.GetAsync<AccountRecord>(AccountPartition(account), AccountRow, cancellationToken);

    /// <summary>Changes the account (creating it first when missing) by compare-and-swap.</summary>
    public async Task<AccountRecord> UpdateAccountAsync(string account, Func<AccountRecord, AccountRecord> change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var row = await GetAccountAsync(account, cancellationToken);
            var updated = change(row?.Value ?? NewAccount(now));
            if (await table.TrySubmitAsync([table.Put(row, AccountPartition(account), AccountRow, updated)], cancellationToken))
            {
                return updated;
            }

            await BackOffAsync(attempt, cancellationToken);
        }
    }

    /// <summary>The container, or null.</summary>
    public Task<SwiftRow<ContainerRecord>?> GetContainerAsync(string account, string container, CancellationToken cancellationToken) =>
        table.GetAsync<ContainerRecord>(ContainerPartition(account, container), ContainerRow, cancellationToken);

    /// <summary>
    /// Creates the container, or changes it when it exists (swift's PUT on an existing container updates its
    /// metadata). Returns true when it was created.
    /// </summary>
    public async Task<bool> PutContainerAsync(string account, string container, Func<ContainerRecord?, ContainerRecord> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var row = await GetContainerAsync(account, container, cancellationToken);
            var updated = change(row?.Value);
            if (await table.TrySubmitAsync([table.Put(row, ContainerPartition(account, container), ContainerRow, updated)], cancellationToken))
            {
                if (row is null)
                {
                    await ApplyAccountDeltaAsync(account, container, +1, 0, 0, updated.CreatedAt, cancellationToken);
                }

                return row is null;
            }

            await BackOffAsync(attempt, cancellationToken);
        }
    }

    /// <summary>Changes an existing container by compare-and-swap; null when it does not exist.</summary>
    public async Task<ContainerRecord?> UpdateContainerAsync(string account, string container, Func<ContainerRecord, ContainerRecord> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var row = await GetContainerAsync(account, container, cancellationToken);
            if (row is null)
            {
                return null;
            }

            var updated = change(row.Value);
            if (await table.TrySubmitAsync([table.Put(row, row.PartitionKey, ContainerRow, updated)], cancellationToken))
            {
                return updated;
            }

            await BackOffAsync(attempt, cancellationToken);
        }
    }

    /// <summary>Deletes the container if it is empty: true when deleted, false when it holds objects, null when missing.</summary>
    public async Task<bool?> DeleteContainerAsync(string account, string container, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var row = await GetContainerAsync(account, container, cancellationToken);
            if (row is null)
            {
                return null;
            }

            if (row.Value.ObjectCount > 0)
            {
                return false;
            }

            // The container row's ETag changes with every object write, so no object can slip in meanwhile.
            if (await table.TrySubmitAsync([SwiftTable.Delete(row)], cancellationToken))
            {
                await ApplyAccountDeltaAsync(account, container, -1, 0, 0, now, cancellationToken);
                return true;
            }

            await BackOffAsync(attempt, cancellationToken);
        }
    }

    /// <summary>The object, or null.</summary>
    public Task<SwiftRow<ObjectRecord>?> GetObjectAsync(string account, string container, string name, CancellationToken cancellationToken) =>
        table.GetAsync<ObjectRecord>(ContainerPartition(account, container), ObjectRow(name), cancellationToken);

    /// <summary>
    /// Stores <paramref name="record"/> (creating or replacing the object) and changes the container's totals
    /// in the same transaction. <paramref name="precondition"/> sees the container and the current object and
    /// may throw to refuse (quotas, If-None-Match).
    /// </summary>
    /// <returns>Null when the container does not exist.</returns>
    public async Task<ObjectWrite?> PutObjectAsync(
        string account, string container, ObjectRecord record, Action<ContainerRecord, ObjectRecord?>? precondition, CancellationToken cancellationToken)
    {
        var partition = ContainerPartition(account, container);
        var rowKey = ObjectRow(record.Name);
        for (var attempt = 1; ; attempt++)
        {
            var containerRow = await table.GetAsync<ContainerRecord>(partition, ContainerRow, cancellationToken);
            if (containerRow is null)
            {
                return null;
            }

            var current = await table.GetAsync<ObjectRecord>(partition, rowKey, cancellationToken);
            precondition?.Invoke(containerRow.Value, current?.Value);
            var countDelta = current is null ? 1 : 0;
            var bytesDelta = record.Size - (current?.Value.Size ?? 0);
            var totals = containerRow.Value with
            {
                ObjectCount = containerRow.Value.ObjectCount + countDelta,
                BytesUsed = containerRow.Value.BytesUsed + bytesDelta,
            };
            if (await table.TrySubmitAsync([table.Put(current, partition, rowKey, record), table.Put(containerRow, partition, ContainerRow, totals)], cancellationToken))
            {
                await ApplyAccountDeltaAsync(account, container, 0, countDelta, bytesDelta, record.LastModified, cancellationToken);
                return new ObjectWrite(current?.Value);
            }

            await BackOffAsync(attempt, cancellationToken);
        }
    }

    /// <summary>Deletes the object and changes the container's totals in one transaction; returns it, or null when missing.</summary>
    public async Task<ObjectRecord?> DeleteObjectAsync(string account, string container, string name, DateTimeOffset now, CancellationToken cancellationToken, Func<ObjectRecord, bool>? onlyIf = null)
    {
        var partition = ContainerPartition(account, container);
        var rowKey = ObjectRow(name);
        for (var attempt = 1; ; attempt++)
        {
            var current = await table.GetAsync<ObjectRecord>(partition, rowKey, cancellationToken);
            var containerRow = await table.GetAsync<ContainerRecord>(partition, ContainerRow, cancellationToken);
            if (current is null || containerRow is null || (onlyIf is not null && !onlyIf(current.Value)))
            {
                return null;
            }

            var totals = containerRow.Value with
            {
                ObjectCount = containerRow.Value.ObjectCount - 1,
                BytesUsed = containerRow.Value.BytesUsed - current.Value.Size,
            };
            if (await table.TrySubmitAsync([SwiftTable.Delete(current), table.Put(containerRow, partition, ContainerRow, totals)], cancellationToken))
            {
                await ApplyAccountDeltaAsync(account, container, 0, -1, -current.Value.Size, now, cancellationToken);
                return current.Value;
            }

            await BackOffAsync(attempt, cancellationToken);
        }
    }

    /// <summary>Replaces an object's record if it did not change since read (metadata POST).</summary>
    public Task<bool> ReplaceObjectAsync(SwiftRow<ObjectRecord> current, ObjectRecord updated, CancellationToken cancellationToken) =>
        table.TrySubmitAsync([table.Put(current, current.PartitionKey, current.RowKey, updated)], cancellationToken);

    // The account row and the container's listing row, by compare-and-swap in the account partition.
    private async Task ApplyAccountDeltaAsync(string account, string container, int containerDelta, long objectDelta, long bytesDelta, DateTimeOffset when, CancellationToken cancellationToken)
    {
        // The container write is done: its account delta must land even if the caller goes away now.
        cancellationToken = CancellationToken.None;
        var partition = AccountPartition(account);
        var entryKey = ContainerEntryRow(container);
        for (var attempt = 1; ; attempt++)
        {
            var accountRow = await table.GetAsync<AccountRecord>(partition, AccountRow, cancellationToken);
            var entry = await table.GetAsync<ContainerEntry>(partition, entryKey, cancellationToken);
            var current = accountRow?.Value ?? NewAccount(when);
            var actions = new List<TableTransactionAction>
            {
                table.Put(accountRow, partition, AccountRow, current with
                {
                    ContainerCount = Math.Max(0, current.ContainerCount + containerDelta),
                    ObjectCount = current.ObjectCount + objectDelta,
                    BytesUsed = current.BytesUsed + bytesDelta,
                }),
            };
            if (await UsageStepAsync(partition, current.BytesUsed, current.BytesUsed + bytesDelta, when, cancellationToken) is { } usage)
            {
                actions.Add(usage);
            }

            if (containerDelta < 0 && entry is not null)
            {
                actions.Add(SwiftTable.Delete(entry));
            }
            else if (containerDelta > 0 || entry is not null)
            {
                var value = entry?.Value ?? new ContainerEntry(container, 0, 0, when);
                actions.Add(table.Put(entry, partition, entryKey, value with
                {
                    ObjectCount = value.ObjectCount + objectDelta,
                    BytesUsed = value.BytesUsed + bytesDelta,
                    LastModified = when > value.LastModified ? when : value.LastModified,
                }));
            }

            if (await table.TrySubmitAsync(actions, CancellationToken.None))
            {
                return;
            }

            await BackOffAsync(attempt, cancellationToken);
        }
    }

    private static AccountRecord NewAccount(DateTimeOffset now) => new(now, new Dictionary<string, string>(), 0, 0, 0);

    private static Task BackOffAsync(int attempt, CancellationToken cancellationToken)
    {
        if (attempt >= MaxAttempts)
        {
            throw new Storage.ConcurrencyException("swift", new InvalidOperationException($"{attempt} compare-and-swap attempts lost."));
        }

        // Spread the retries of writers that collided on one totals row.
        return Task.Delay(Random.Shared.Next(0, Math.Min(50, 2 * attempt)), cancellationToken);
    }

    internal static string AccountPartition(string account) => "a|" + account;

    internal static string ContainerPartition(string account, string container) => $"c|{account}|{SwiftKeys.Encode(container)}";

    internal static string ContainerEntryRow(string container) => "c" + SwiftKeys.Encode(container);

    internal static string ObjectRow(string name) => "o" + SwiftKeys.Encode(name);
}
