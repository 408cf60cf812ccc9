namespace FuncCloud.Shared.Volume.Messages;

/// <summary>User messages in <see cref="VolumeTable"/>, one partition per project.</summary>
public sealed class VolumeMessageRepository(VolumeTable table)
{
    /// <summary>Records a message (a retried write of the same id is a no-op).</summary>
    public async Task AddAsync(VolumeMessageRecord message, CancellationToken cancellationToken)
    {
        try
        {
            await table.Documents.InsertAsync(VolumeTable.Messages(message.ProjectId), message.Id, message, null, cancellationToken);
        }
        catch (Storage.DuplicateKeyException)
        {
            // Already recorded by an earlier attempt of the same activity.
        }
    }

    /// <summary>The messages of <paramref name="projectId"/>.</summary>
    public async Task<IReadOnlyList<VolumeMessageRecord>> ListAsync(string projectId, CancellationToken cancellationToken) =>
        (await table.Documents.ListAsync<VolumeMessageRecord>(VolumeTable.Messages(projectId), cancellationToken)).Select(d => d.Value).ToList();

    /// <summary>The message <paramref name="id"/>, or null.</summary>
    public async Task<VolumeMessageRecord?> GetAsync(string projectId, string id, CancellationToken cancellationToken) =>
        (await table.Documents.GetAsync<VolumeMessageRecord>(VolumeTable.Messages(projectId), id, cancellationToken))?.Value;

    /// <summary>Deletes a message.</summary>
    public Task DeleteAsync(string projectId, string id, CancellationToken cancellationToken) =>
        table.Documents.DeleteAsync(VolumeTable.Messages(projectId), id, null, cancellationToken);
}
