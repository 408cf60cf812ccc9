using FuncCloud.Shared.Storage;

namespace FuncCloud.Functions.Identity.Storage;

/// <summary>
/// The identity table: one partition per kind, documents with ETags, unique names as key rows written in
/// the same transaction. Every write bumps the <see cref="IdentityRevision"/>.
/// </summary>
public sealed class IdentityStore(DocumentTable table, IdentityRevision revision)
{
    /// <summary>The revision counter.</summary>
    public IdentityRevision Revision => revision;

    /// <summary>One document, or null.</summary>
    public Task<Document<T>?> GetAsync<T>(string kind, string id, CancellationToken cancellationToken) =>
        table.GetAsync<T>(kind, id, cancellationToken);

    /// <summary>Every document of a kind.</summary>
    public Task<IReadOnlyList<Document<T>>> ListAsync<T>(string kind, CancellationToken cancellationToken) =>
        table.ListAsync<T>(kind, cancellationToken);

    /// <summary>The id owning a unique key, or null.</summary>
    public Task<string?> FindByKeyAsync(string kind, string key, CancellationToken cancellationToken) =>
        table.FindByKeyAsync(kind, key, cancellationToken);

    /// <summary>Inserts a document.</summary>
    /// <exception cref="DuplicateKeyException">The id or key exists.</exception>
    public async Task InsertAsync<T>(string kind, string id, T value, string? key, CancellationToken cancellationToken)
    {
        await table.InsertAsync(kind, id, value, key, cancellationToken);
        await revision.BumpAsync(cancellationToken);
    }

    /// <summary>Inserts a document that has no unique key unless its id exists (idempotent creates: the id is the relation).</summary>
    public async Task InsertIfAbsentAsync<T>(string kind, string id, T value, CancellationToken cancellationToken)
    {
        try
        {
            await InsertAsync(kind, id, value, null, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // Already there: the same relation was created before.
        }
    }

    /// <summary>Replaces a document (compare-and-swap).</summary>
    /// <exception cref="ConcurrencyException">It changed since it was read.</exception>
    /// <exception cref="DuplicateKeyException">The new key exists.</exception>
    public async Task ReplaceAsync<T>(string kind, Document<T> current, T value, string? oldKey, string? newKey, CancellationToken cancellationToken)
    {
        await table.ReplaceAsync(kind, current.Id, value, current.ETag, oldKey, newKey, cancellationToken);
        await revision.BumpAsync(cancellationToken);
    }

    /// <summary>Deletes a document and its key.</summary>
    public async Task DeleteAsync(string kind, string id, string? key, CancellationToken cancellationToken)
    {
        await table.DeleteAsync(kind, id, key, cancellationToken);
        await revision.BumpAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes every document of a kind that matches (the cascade when its owner goes away); <c>keyOf</c>
    /// gives the unique key a document owns, null when the kind has none.
    /// </summary>
    public async Task DeleteWhereAsync<T>(string kind, Func<T, bool> match, Func<Document<T>, string?>? keyOf, CancellationToken cancellationToken)
    {
        foreach (var document in (await ListAsync<T>(kind, cancellationToken)).Where(d => match(d.Value)))
        {
            await DeleteAsync(kind, document.Id, keyOf?.Invoke(document), cancellationToken);
        }
    }
}
