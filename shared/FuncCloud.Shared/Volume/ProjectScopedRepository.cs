using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Volume;

/// <summary>
/// Records of one kind in <see cref="VolumeTable"/>: one partition per project, every change a compare-and-swap,
/// and a row in the shared index (id → project, kind) so an id is found without knowing its project. Volumes,
/// snapshots and backups differ only in their kind, their partition and their record type.
/// </summary>
/// <param name="table">The block storage table.</param>
/// <param name="kind">The index kind (an id indexed under another kind is not found here).</param>
/// <param name="partition">The partition of a project's records of this kind.</param>
/// <param name="keyOf">A record's project and id.</param>
public abstract class ProjectScopedRepository<TRecord>(
    VolumeTable table, string kind, Func<string, string> partition, Func<TRecord, (string ProjectId, string Id)> keyOf)
    where TRecord : class
{
    /// <summary>Inserts a new record and its index row (the index first: a record is never unfindable).</summary>
    public async Task InsertAsync(TRecord record, CancellationToken cancellationToken)
    {
        var (projectId, id) = keyOf(record);
        await table.Documents.InsertAsync(VolumeTable.Index, id, new VolumeIndexEntry(projectId, kind), null, cancellationToken);
        await table.Documents.InsertAsync(partition(projectId), id, record, null, cancellationToken);
        await OnChangedAsync(null, record, cancellationToken);
    }

    /// <summary>The record <paramref name="id"/> of <paramref name="projectId"/>, or null.</summary>
    public async Task<TRecord?> GetAsync(string projectId, string id, CancellationToken cancellationToken) =>
        (await table.Documents.GetAsync<TRecord>(partition(projectId), id, cancellationToken))?.Value;

    /// <summary>The record <paramref name="id"/> in whichever project owns it, or null.</summary>
    public async Task<TRecord?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await table.Documents.GetAsync<VolumeIndexEntry>(VolumeTable.Index, id, cancellationToken))?.Value is { } entry
        && string.Equals(entry.Kind, kind, StringComparison.Ordinal)
            ? await GetAsync(entry.ProjectId, id, cancellationToken)
            : null;

    /// <summary>Every record of <paramref name="projectId"/>.</summary>
    public async Task<IReadOnlyList<TRecord>> ListAsync(string projectId, CancellationToken cancellationToken) =>
        (await table.Documents.ListAsync<TRecord>(partition(projectId), cancellationToken)).Select(d => d.Value).ToList();

    /// <summary>Changes a record by compare-and-swap (<paramref name="change"/> may throw to refuse, or return the same instance to write nothing).</summary>
    public async Task<TRecord?> UpdateAsync(string projectId, string id, Func<TRecord, TRecord> change, CancellationToken cancellationToken)
    {
        TRecord? before = null;
        var stored = await table.Documents.UpdateAsync(partition(projectId), id, CompareAndSwap.UnlessUnchanged<TRecord>(current =>
        {
            before = current;
            return change(current);
        }), VolumeTable.Retry, cancellationToken);
        if (stored is not null && before is not null && !ReferenceEquals(stored, before))
        {
            await OnChangedAsync(before, stored, cancellationToken);
        }

        return stored;
    }

    /// <summary>Deletes a record and its index row; true when it existed.</summary>
    public async Task<bool> DeleteAsync(string projectId, string id, CancellationToken cancellationToken)
    {
        var existing = await GetAsync(projectId, id, cancellationToken);
        await table.Documents.DeleteAsync(partition(projectId), id, null, cancellationToken);
        await table.Documents.DeleteAsync(VolumeTable.Index, id, null, cancellationToken);
        if (existing is not null)
        {
            await OnChangedAsync(existing, null, cancellationToken);
        }

        return existing is not null;
    }

    /// <summary>
    /// Runs after a record was inserted (<paramref name="before"/> null), changed, or deleted (<paramref name="after"/>
    /// null), right after the record's own write (the volumes' usage lifecycle follows here).
    /// </summary>
    protected virtual Task OnChangedAsync(TRecord? before, TRecord? after, CancellationToken cancellationToken) => Task.CompletedTask;
}
