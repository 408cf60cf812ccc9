using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Volume.Backups;

/// <summary>Backups in <see cref="VolumeTable"/>: one partition per project, every change a compare-and-swap.</summary>
public sealed class BackupRepository(VolumeTable table)
{
    /// <summary>The index kind of backups.</summary>
    public const string Kind = "backup";

    /// <summary>Inserts a new backup and its index row.</summary>
    public async Task InsertAsync(BackupRecord backup, CancellationToken cancellationToken)
    {
        await table.Documents.InsertAsync(VolumeTable.Index, backup.Id, new VolumeIndexEntry(backup.ProjectId, Kind), null, cancellationToken);
        await table.Documents.InsertAsync(VolumeTable.Backups(backup.ProjectId), backup.Id, backup, null, cancellationToken);
    }

    /// <summary>The backup <paramref name="id"/> of <paramref name="projectId"/>, or null.</summary>
    public async Task<BackupRecord?> GetAsync(string projectId, string id, CancellationToken cancellationToken) =>
        (await table.Documents.GetAsync<BackupRecord>(VolumeTable.Backups(projectId), id, cancellationToken))?.Value;

    /// <summary>The backup <paramref name="id"/> in whichever project owns it, or null.</summary>
    public async Task<BackupRecord?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await table.Documents.GetAsync<VolumeIndexEntry>(VolumeTable.Index, id, cancellationToken))?.Value is { Kind: Kind } entry
            ? await GetAsync(entry.ProjectId, id, cancellationToken)
            : null;

    /// <summary>Every backup of <paramref name="projectId"/>.</summary>
    public async Task<IReadOnlyList<BackupRecord>> ListAsync(string projectId, CancellationToken cancellationToken) =>
        (await table.Documents.ListAsync<BackupRecord>(VolumeTable.Backups(projectId), cancellationToken)).Select(d => d.Value).ToList();

    /// <summary>Changes a backup by compare-and-swap (<paramref name="change"/> may throw to refuse, or return the same instance to write nothing).</summary>
    public Task<BackupRecord?> UpdateAsync(string projectId, string id, Func<BackupRecord, BackupRecord> change, CancellationToken cancellationToken) =>
        table.Documents.UpdateAsync(VolumeTable.Backups(projectId), id, CompareAndSwap.UnlessUnchanged(change), VolumeTable.Retry, cancellationToken);

    /// <summary>Deletes a backup and its index row; true when it existed.</summary>
    public async Task<bool> DeleteAsync(string projectId, string id, CancellationToken cancellationToken)
    {
        var existed = await GetAsync(projectId, id, cancellationToken) is not null;
        await table.Documents.DeleteAsync(VolumeTable.Backups(projectId), id, null, cancellationToken);
        await table.Documents.DeleteAsync(VolumeTable.Index, id, null, cancellationToken);
        return existed;
    }
}
