using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Volume.Volumes;

/// <summary>Volumes in <see cref="VolumeTable"/>: one partition per project, every change a compare-and-swap.</summary>
public sealed class VolumeRepository(VolumeTable table)
{
    private const string Kind = "volume";

    /// <summary>Inserts a new volume and its index row.</summary>
    public async Task InsertAsync(VolumeRecord volume, CancellationToken cancellationToken)
    {
        await table.Documents.InsertAsync(VolumeTable.Index, volume.Id, new VolumeIndexEntry(volume.ProjectId, Kind), null, cancellationToken);
        await table.Documents.InsertAsync(VolumeTable.Volumes(volume.ProjectId), volume.Id, volume, null, cancellationToken);
    }

    /// <summary>The volume <paramref name="id"/> of <paramref name="projectId"/>, or null.</summary>
    public async Task<VolumeRecord?> GetAsync(string projectId, string id, CancellationToken cancellationToken) =>
        (await table.Documents.GetAsync<VolumeRecord>(VolumeTable.Volumes(projectId), id, cancellationToken))?.Value;

    /// <summary>The volume <paramref name="id"/> in whichever project owns it, or null.</summary>
    public async Task<VolumeRecord?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await table.Documents.GetAsync<VolumeIndexEntry>(VolumeTable.Index, id, cancellationToken))?.Value is { Kind: Kind } entry
            ? await GetAsync(entry.ProjectId, id, cancellationToken)
            : null;

    /// <summary>Every volume of <paramref name="projectId"/>.</summary>
    public async Task<IReadOnlyList<VolumeRecord>> ListAsync(string projectId, CancellationToken cancellationToken) =>
        (await table.Documents.ListAsync<VolumeRecord>(VolumeTable.Volumes(projectId), cancellationToken)).Select(d => d.Value).ToList();

    /// <summary>Changes a volume by compare-and-swap (<paramref name="change"/> may throw to refuse, or return the same instance to write nothing).</summary>
    public Task<VolumeRecord?> UpdateAsync(string projectId, string id, Func<VolumeRecord, VolumeRecord> change, CancellationToken cancellationToken) =>
        table.Documents.UpdateAsync(VolumeTable.Volumes(projectId), id, CompareAndSwap.UnlessUnchanged(change), VolumeTable.Retry, cancellationToken);

    /// <summary>Deletes a volume and its index row; true when it existed.</summary>
    public async Task<bool> DeleteAsync(string projectId, string id, CancellationToken cancellationToken)
    {
        var existed = await GetAsync(projectId, id, cancellationToken) is not null;
        await table.Documents.DeleteAsync(VolumeTable.Volumes(projectId), id, null, cancellationToken);
        await table.Documents.DeleteAsync(VolumeTable.Index, id, null, cancellationToken);
        return existed;
    }
}
