using System.Text.Json.Nodes;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Functions.Identity.Tokens;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Identity.Services;

/// <summary>Groups and their members.</summary>
public sealed class GroupService(IdentityStore store, IdentityLookup lookup, IdentityPolicies policy, RevocationService revocations)
{
    /// <summary>Creates a group.</summary>
    public async Task<Group> CreateAsync(RequestContext caller, JsonObject body, CancellationToken cancellationToken)
    {
        var name = body.RequireName("name", 64);
        var domainId = body.OptionalString("domain_id") ?? caller.DomainId ?? caller.ProjectDomainId ?? "default";
        policy.Enforce("create_group", caller, ("target.domain_id", domainId));
        await lookup.DomainAsync(domainId, null, cancellationToken);
        var group = new Group(Guid.NewGuid().ToString("N"), name, domainId, body.OptionalString("description") ?? string.Empty);
        await store.InsertNamedAsync(IdentityKinds.Group, group.Id, group, IdentityLookup.NameKey(domainId, name), name, domainId, cancellationToken);

        return group;
    }

    /// <summary>One group.</summary>
    public async Task<Group> GetAsync(RequestContext caller, string groupId, CancellationToken cancellationToken)
    {
        var group = await store.GetAsync<Group>(IdentityKinds.Group, groupId, cancellationToken);
        policy.Enforce("get_group", caller, ("target.domain_id", group?.Value.DomainId));
        return group?.Value ?? throw new ResourceNotFoundException(IdentityKinds.Group, groupId);
    }

    /// <summary>Groups filtered by name and domain.</summary>
    public async Task<IReadOnlyList<Group>> ListAsync(RequestContext caller, string? name, string? domainId, CancellationToken cancellationToken)
    {
        policy.Enforce("list_groups", caller, ("target.domain_id", domainId));
        return (await store.ListAsync<Group>(IdentityKinds.Group, cancellationToken)).Select(d => d.Value)
            .Where(g => (name is null || g.Name == name) && (domainId is null || g.DomainId == domainId))
            .OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Updates name and description.</summary>
    public async Task<Group> UpdateAsync(RequestContext caller, string groupId, JsonObject body, CancellationToken cancellationToken)
    {
        var current = await lookup.RequireAsync<Group>(IdentityKinds.Group, groupId, cancellationToken);
        var group = current.Value;
        policy.Enforce("update_group", caller, ("target.domain_id", group.DomainId));
        var updated = group with
        {
            Name = body.ContainsKey("name") ? body.RequireName("name", 64) : group.Name,
            Description = body.ContainsKey("description") ? body.OptionalString("description") ?? string.Empty : group.Description,
        };
        await store.ReplaceNamedAsync(IdentityKinds.Group, current, updated, IdentityLookup.NameKey(group.DomainId, group.Name), IdentityLookup.NameKey(group.DomainId, updated.Name),
            updated.Name, group.DomainId, cancellationToken);

        return updated;
    }

    /// <summary>Deletes a group, its memberships and grants.</summary>
    public async Task DeleteAsync(RequestContext caller, string groupId, CancellationToken cancellationToken)
    {
        var group = (await lookup.RequireAsync<Group>(IdentityKinds.Group, groupId, cancellationToken)).Value;
        policy.Enforce("delete_group", caller, ("target.domain_id", group.DomainId));
        await store.DeleteWhereAsync<RoleAssignment>(IdentityKinds.Assignment, a => a.ActorType == ActorTypes.Group && a.ActorId == groupId, null, cancellationToken);
        await store.DeleteWhereAsync<Membership>(IdentityKinds.Membership, m => m.GroupId == groupId, null, cancellationToken);
        await store.DeleteAsync(IdentityKinds.Group, groupId, IdentityLookup.NameKey(group.DomainId, group.Name), cancellationToken);
    }

    /// <summary>Adds a user to a group (idempotent).</summary>
    public async Task AddMemberAsync(RequestContext caller, string groupId, string userId, CancellationToken cancellationToken)
    {
        var group = await CheckedAsync(caller, "add_user_to_group", groupId, userId, cancellationToken);
        var membership = new Membership(group.Id, userId);
        await store.InsertIfAbsentAsync(IdentityKinds.Membership, membership.Key, membership, cancellationToken);
    }

    /// <summary>Removes a user from a group and revokes the user's tokens (their roles may shrink).</summary>
    public async Task RemoveMemberAsync(RequestContext caller, string groupId, string userId, CancellationToken cancellationToken)
    {
        await CheckedAsync(caller, "remove_user_from_group", groupId, userId, cancellationToken);
        var membership = new Membership(groupId, userId);
        _ = await store.GetAsync<Membership>(IdentityKinds.Membership, membership.Key, cancellationToken)
            ?? throw new ResourceNotFoundException("membership", $"{userId} in {groupId}");
        await store.DeleteAsync(IdentityKinds.Membership, membership.Key, null, cancellationToken);
        await revocations.RevokeAsync(userId: userId, cancellationToken: cancellationToken);
    }

    /// <summary>404 unless the user is a member.</summary>
    public async Task CheckMemberAsync(RequestContext caller, string groupId, string userId, CancellationToken cancellationToken)
    {
        await CheckedAsync(caller, "check_user_in_group", groupId, userId, cancellationToken);
        _ = await store.GetAsync<Membership>(IdentityKinds.Membership, new Membership(groupId, userId).Key, cancellationToken)
            ?? throw new ResourceNotFoundException("membership", $"{userId} in {groupId}");
    }

    /// <summary>The members of a group.</summary>
    public async Task<IReadOnlyList<User>> ListMembersAsync(RequestContext caller, string groupId, CancellationToken cancellationToken)
    {
        var group = (await lookup.RequireAsync<Group>(IdentityKinds.Group, groupId, cancellationToken)).Value;
        policy.Enforce("list_users_in_group", caller, ("target.domain_id", group.DomainId));
        var users = new List<User>();
        foreach (var membership in (await store.ListAsync<Membership>(IdentityKinds.Membership, cancellationToken)).Where(m => m.Value.GroupId == groupId))
        {
            if ((await store.GetAsync<User>(IdentityKinds.User, membership.Value.UserId, cancellationToken))?.Value is { } user)
            {
                users.Add(user);
            }
        }

        return users;
    }

    /// <summary>The groups a user belongs to.</summary>
    public async Task<IReadOnlyList<Group>> ListForUserAsync(RequestContext caller, string userId, CancellationToken cancellationToken)
    {
        var user = (await lookup.RequireAsync<User>(IdentityKinds.User, userId, cancellationToken)).Value;
        policy.Enforce("list_groups_for_user", caller, ("target.user.id", userId), ("target.domain_id", user.DomainId));
        var groupIds = (await store.ListAsync<Membership>(IdentityKinds.Membership, cancellationToken)).Where(m => m.Value.UserId == userId).Select(m => m.Value.GroupId).ToHashSet();
        return (await store.ListAsync<Group>(IdentityKinds.Group, cancellationToken)).Select(g => g.Value).Where(g => groupIds.Contains(g.Id)).ToList();
    }

    private async Task<Group> CheckedAsync(RequestContext caller, string action, string groupId, string userId, CancellationToken cancellationToken)
    {
        var group = (await lookup.RequireAsync<Group>(IdentityKinds.Group, groupId, cancellationToken)).Value;
        policy.Enforce(action, caller, ("target.domain_id", group.DomainId));
        await lookup.RequireAsync<User>(IdentityKinds.User, userId, cancellationToken);
        return group;
    }
}
