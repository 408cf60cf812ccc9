namespace FuncCloud.Shared.Storage;

/// <summary>How a compare-and-swap loop retries: the attempts in all, and the pause (ms) after losing attempt n.</summary>
public sealed record CasRetry(int MaxAttempts, Func<int, int>? PauseMilliseconds = null)
{
    internal Task PauseAsync(int attempt, CancellationToken cancellationToken) =>
        PauseMilliseconds is { } pause ? Task.Delay(pause(attempt), cancellationToken) : Task.CompletedTask;
}

/// <summary>
/// The read-change-swap loops of the stores: read a document, apply a change, compare-and-swap it on the
/// ETag, and when another writer won, re-read and re-apply on the fresh state. After the last attempt the
/// storage exception escapes. A change may throw to refuse.
/// </summary>
public static class CompareAndSwap
{
    /// <summary>
    /// Changes an existing document. <paramref name="change"/> returns null to write nothing (the current value
    /// is returned); <paramref name="uniqueKey"/> gives the unique key a value owns, moved when it changes.
    /// </summary>
    /// <returns>The stored value, or null when the document does not exist.</returns>
    /// <exception cref="ConcurrencyException">Every attempt lost the swap.</exception>
    /// <exception cref="DuplicateKeyException">The new unique key belongs to another document.</exception>
    public static async Task<T?> UpdateAsync<T>(
        this DocumentTable table, string partition, string id, Func<T, T?> change, CasRetry retry, CancellationToken cancellationToken, Func<T, string?>? uniqueKey = null)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await table.GetAsync<T>(partition, id, cancellationToken);
            if (current is null)
            {
                return null;
            }

            if (change(current.Value) is not { } updated)
            {
                return current.Value;
            }

            try
            {
                await table.ReplaceAsync(partition, id, updated, current.ETag, uniqueKey?.Invoke(current.Value), uniqueKey?.Invoke(updated), cancellationToken);
                return updated;
            }
            catch (ConcurrencyException) when (attempt < retry.MaxAttempts)
            {
                await retry.PauseAsync(attempt, cancellationToken);
            }
        }
    }

    /// <summary>
    /// <c>UpdateAsync</c>
    /// with rows of the same partition (a secondary index's) that <paramref name="companions"/> derives from the value
    /// before and after, written in the same entity-group transaction as the swap: the index never lags the document.
    /// </summary>
    /// <returns>The stored value and the value it replaced (the same instance when nothing was written), or null.</returns>
    public static async Task<(T After, T Before)?> UpdateWithCompanionsAsync<T>(
        this DocumentTable table, string partition, string id, Func<T, T?> change, Func<T, T, IReadOnlyList<Azure.Data.Tables.TableTransactionAction>> companions, CasRetry retry, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await table.GetAsync<T>(partition, id, cancellationToken);
            if (current is null)
            {
                return null;
            }

            if (change(current.Value) is not { } updated)
            {
                return (current.Value, current.Value);
            }

            try
            {
                await table.ReplaceWithCompanionsAsync(partition, id, updated, current.ETag, companions(current.Value, updated), cancellationToken);
                return (updated, current.Value);
            }
            catch (ConcurrencyException) when (attempt < retry.MaxAttempts)
            {
                await retry.PauseAsync(attempt, cancellationToken);
            }
        }
    }

    /// <summary>A change for <see cref="UpdateAsync"/> that writes nothing when <paramref name="change"/> returns the same instance.</summary>
    public static Func<T, T?> UnlessUnchanged<T>(Func<T, T> change)
        where T : class => current =>
        {
            var updated = change(current);
            return ReferenceEquals(updated, current) ? null : updated;
        };

    /// <summary>
    /// Creates the document or changes it: <paramref name="change"/> gets the current value (null when there is
    /// none) and returns the value to store, or null to write nothing.
    /// </summary>
    /// <returns>The stored value (the current one when nothing was written) and whether this call created it.</returns>
    /// <exception cref="ConcurrencyException">Every attempt lost the swap.</exception>
    /// <exception cref="DuplicateKeyException">Every attempt lost the race to create.</exception>
    public static async Task<(T? Value, bool Created)> UpsertAsync<T>(
        this DocumentTable table, string partition, string id, Func<T?, T?> change, CasRetry retry, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await table.GetAsync<T>(partition, id, cancellationToken);
            if (change(current?.Value) is not { } updated)
            {
                return (current?.Value, false);
            }

            try
            {
                if (current is null)
                {
                    await table.InsertAsync(partition, id, updated, null, cancellationToken);
                    return (updated, true);
                }

                await table.ReplaceAsync(partition, id, updated, current.ETag, null, null, cancellationToken);
                return (updated, false);
            }
            catch (Exception e) when (e is ConcurrencyException or DuplicateKeyException && attempt < retry.MaxAttempts)
            {
                await retry.PauseAsync(attempt, cancellationToken);
            }
        }
    }
}
