using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Compute.ServerGroups;

/// <summary>Server groups as documents of one partition (admins list across projects).</summary>
public sealed class ServerGroupStore(ComputeApiTable table) : IServerGroupStore
{
    private const string Partition = "server-group";
    private const int MaxAttempts = 10;

    /// <inheritdoc />
    public async Task<ServerGroup?> FindAsync(string groupId, CancellationToken cancellationToken) =>
        (await table.Documents.GetAsync<ServerGroup>(Partition, groupId, cancellationToken))?.Value;

    /// <inheritdoc />
    public async Task<IReadOnlyList<ServerGroup>> ListAsync(string? projectId, CancellationToken cancellationToken) =>
        (await table.Documents.ListAsync<ServerGroup>(Partition, cancellationToken))
            .Select(d => d.Value)
            .Where(g => projectId is null || g.ProjectId == projectId)
            .OrderBy(g => g.CreatedAt)
            .ToList();

    /// <inheritdoc />
    public Task CreateAsync(ServerGroup group, CancellationToken cancellationToken) =>
        table.Documents.InsertAsync(Partition, group.Id, group, null, cancellationToken);

    /// <inheritdoc />
    public async Task<ServerGroup> UpdateAsync(string groupId, Func<ServerGroup, ServerGroup> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await table.Documents.GetAsync<ServerGroup>(Partition, groupId, cancellationToken)
                ?? throw ComputeResourceNotFoundException.ServerGroup(groupId);
            var updated = change(current.Value);
            if (ReferenceEquals(updated, current.Value))
            {
                return updated;
            }

            try
            {
                await table.Documents.ReplaceAsync(Partition, groupId, updated, current.ETag, null, null, cancellationToken);
                return updated;
            }
            catch (ConcurrencyException) when (attempt < MaxAttempts)
            {
                // Two servers joined at once: re-read so neither membership is lost.
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string groupId, CancellationToken cancellationToken)
    {
        if (await FindAsync(groupId, cancellationToken) is null)
        {
            return false;
        }

        await table.Documents.DeleteAsync(Partition, groupId, null, cancellationToken);
        return true;
    }
}
