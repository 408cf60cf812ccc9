using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Shared.Compute.ServerGroups;

/// <summary>Server groups as documents of one partition (admins list across projects).</summary>
public sealed class ServerGroupStore(ComputeApiTable table) : IServerGroupStore
{
    private const string Partition = "server-group";
    // Two servers may join at once: a lost swap re-reads so neither membership is lost.
    private static readonly CasRetry Retry = new(10);

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
    public async Task<ServerGroup> UpdateAsync(string groupId, Func<ServerGroup, ServerGroup> change, CancellationToken cancellationToken) =>
        await table.Documents.UpdateAsync(Partition, groupId, CompareAndSwap.UnlessUnchanged(change), Retry, cancellationToken)
        ?? throw ComputeResourceNotFoundException.ServerGroup(groupId);

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
