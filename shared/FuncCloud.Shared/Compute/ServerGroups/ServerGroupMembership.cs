using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Quotas;

namespace FuncCloud.Shared.Compute.ServerGroups;

/// <summary><see cref="IServerGroupMembership"/> with the <c>server_group_members</c> quota.</summary>
public sealed class ServerGroupMembership(IServerGroupStore groups, IComputeQuotaService quotas) : IServerGroupMembership
{
    /// <inheritdoc />
    public async Task<ServerGroup> AddMemberAsync(string groupId, string projectId, string serverId, CancellationToken cancellationToken)
    {
        var group = await groups.FindAsync(groupId, cancellationToken);
        if (group is null || group.ProjectId != projectId)
        {
            throw ComputeResourceNotFoundException.ServerGroup(groupId);
        }

        if (group.Members.Contains(serverId, StringComparer.Ordinal))
        {
            return group;
        }

        // Checked before the compare-and-swap and again inside it, so concurrent joins cannot overfill the group.
        await quotas.EnforceCountAsync(projectId, ComputeQuotaResources.ServerGroupMembers, group.Members.Count, 1, QuotaMessages.ServerGroupMembers, cancellationToken);
        var limit = (await quotas.GetLimitsAsync(projectId, cancellationToken))[ComputeQuotaResources.ServerGroupMembers];
        return await groups.UpdateAsync(groupId, g =>
        {
            if (g.Members.Contains(serverId, StringComparer.Ordinal))
            {
                return g;
            }

            if (limit != ComputeQuotaResources.Unlimited && g.Members.Count + 1 > limit)
            {
                throw new QuotaExceededException(QuotaMessages.ServerGroupMembers, [ComputeQuotaResources.ServerGroupMembers]);
            }

            return g with { Members = [.. g.Members, serverId] };
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task RemoveMemberAsync(string groupId, string serverId, CancellationToken cancellationToken)
    {
        try
        {
            await groups.UpdateAsync(groupId, g => g.Members.Contains(serverId, StringComparer.Ordinal)
                ? g with { Members = g.Members.Where(m => m != serverId).ToList() }
                : g, cancellationToken);
        }
        catch (ComputeResourceNotFoundException)
        {
            // The group was deleted while the server lived: nothing to leave.
        }
    }

    /// <inheritdoc />
    public async Task<ServerGroup?> FindByMemberAsync(string projectId, string serverId, CancellationToken cancellationToken) =>
        (await groups.ListAsync(projectId, cancellationToken)).FirstOrDefault(g => g.Members.Contains(serverId, StringComparer.Ordinal));
}
