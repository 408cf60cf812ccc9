namespace FuncCloud.Shared.Compute.ServerGroups;

/// <summary>Server group persistence.</summary>
public interface IServerGroupStore
{
    /// <summary>The group, or null.</summary>
    Task<ServerGroup?> FindAsync(string groupId, CancellationToken cancellationToken);

    /// <summary>Groups of <paramref name="projectId"/>, or of every project when null.</summary>
    Task<IReadOnlyList<ServerGroup>> ListAsync(string? projectId, CancellationToken cancellationToken);

    /// <summary>Inserts a group.</summary>
    Task CreateAsync(ServerGroup group, CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="change"/> with compare-and-swap (retrying on concurrent changes).</summary>
    /// <exception cref="Api.ComputeResourceNotFoundException">Missing.</exception>
    Task<ServerGroup> UpdateAsync(string groupId, Func<ServerGroup, ServerGroup> change, CancellationToken cancellationToken);

    /// <summary>Deletes a group; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string groupId, CancellationToken cancellationToken);
}

/// <summary>
/// How the compute core maintains server group membership: a server booted with the
/// <c>group</c> scheduler hint joins before scheduling (quota <c>server_group_members</c> checked), and
/// leaves when it is deleted or its build fails.
/// </summary>
public interface IServerGroupMembership
{
    /// <summary>
    /// Adds <paramref name="serverId"/> to the group of <paramref name="projectId"/> (idempotent) and returns the
    /// group — its policy and the other members are what the scheduler needs.
    /// </summary>
    /// <exception cref="Api.ComputeResourceNotFoundException">No such group in the project.</exception>
    /// <exception cref="Api.QuotaExceededException">The group is full (<c>server_group_members</c>).</exception>
    Task<ServerGroup> AddMemberAsync(string groupId, string projectId, string serverId, CancellationToken cancellationToken);

    /// <summary>Removes <paramref name="serverId"/> from the group (nothing happens when it or the group is gone).</summary>
    Task RemoveMemberAsync(string groupId, string serverId, CancellationToken cancellationToken);

    /// <summary>The group <paramref name="serverId"/> belongs to, or null (nova's <c>server_groups</c> field, 2.71+).</summary>
    Task<ServerGroup?> FindByMemberAsync(string projectId, string serverId, CancellationToken cancellationToken);
}
