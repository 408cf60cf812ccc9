using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Volume.Snapshots;

/// <summary>Snapshots in <see cref="VolumeTable"/>: one partition per project, every change a compare-and-swap.</summary>
public sealed class SnapshotRepository(VolumeTable table)
{
    private const string Kind = "snapshot";

    /// <summary>Inserts a new snapshot and its index row.</summary>
    public async Task InsertAsync(SnapshotRecord snapshot, CancellationToken cancellationToken)
    {
        await table.Documents.InsertAsync(VolumeTable.Index, snapshot.Id, new VolumeIndexEntry(snapshot.ProjectId, Kind), null, cancellationToken);
        await table.Documents.InsertAsync(VolumeTable.Snapshots(snapshot.ProjectId), snapshot.Id, snapshot, null, cancellationToken);
    }

    /// <summary>The snapshot <paramref name="id"/> of <paramref name="projectId"/>, or null.</summary>
    public async Task<SnapshotRecord?> GetAsync(string projectId, string id, CancellationToken cancellationToken) =>
        (await table.Documents.GetAsync<SnapshotRecord>(VolumeTable.Snapshots(projectId), id, cancellationToken))?.Value;

    /// <summary>The snapshot <paramref name="id"/> in whichever project owns it, or null.</summary>
    public async Task<SnapshotRecord?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await table.Documents.GetAsync<VolumeIndexEntry>(VolumeTable.Index, id, cancellationToken))?.Value is { Kind: Kind } entry
            ? await GetAsync(entry.ProjectId, id, cancellationToken)
            : null;

    /// <summary>Every snapshot of <paramref name="projectId"/>.</summary>
    public async Task<IReadOnlyList<SnapshotRecord>> ListAsync(string projectId, CancellationToken cancellationToken) =>
        (await table.Documents.ListAsync<SnapshotRecord>(VolumeTable.Snapshots(projectId), cancellationToken)).Select(d => d.Value).ToList();

    /// <summary>Changes a snapshot by compare-and-swap.</summary>
    public Task<SnapshotRecord?> UpdateAsync(string projectId, string id, Func<SnapshotRecord, SnapshotRecord> change, CancellationToken cancellationToken) =>
        table.Documents.UpdateAsync(VolumeTable.Snapshots(projectId), id, CompareAndSwap.UnlessUnchanged(change), VolumeTable.Retry, cancellationToken);

    /// <summary>Deletes a snapshot and its index row; true when it existed.</summary>
    public async Task<bool> DeleteAsync(string projectId, string id, CancellationToken cancellationToken)
    {
        var existed = await GetAsync(projectId, id, cancellationToken) is not null;
        await table.Documents.DeleteAsync(VolumeTable.Snapshots(projectId), id, null, cancellationToken);
        await table.Documents.DeleteAsync(VolumeTable.Index, id, null, cancellationToken);
        return existed;
    }
}
