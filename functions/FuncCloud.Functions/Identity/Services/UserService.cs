using System.Text.Json.Nodes;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Functions.Identity.Tokens;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using FuncCloud.Shared.Storage;

namespace FuncCloud.Functions.Identity.Services;

/// <summary>Users: CRUD and password changes. Disabling, deleting or re-passwording revokes the user's tokens.</summary>
public sealed class UserService(IdentityStore store, IdentityLookup lookup, IdentityPolicies policy, PasswordHasher hasher, RevocationService revocations)
{
    /// <summary>Creates a user.</summary>
    public async Task<User> CreateAsync(RequestContext? caller, JsonObject body, CancellationToken cancellationToken)
    {
        var name = body.RequireName("name");
        var domainId = body.OptionalString("domain_id") ?? caller?.DomainId ?? caller?.ProjectDomainId ?? "default";
        if (caller is not null)
        {
            policy.Enforce("create_user", caller, ("target.user.domain_id", domainId), ("target.domain_id", domainId));
        }

        await lookup.DomainAsync(domainId, null, cancellationToken);
        var password = body.OptionalString("password", 4096);
        var user = new User(Guid.NewGuid().ToString("N"), name, domainId, body.OptionalBool("enabled") ?? true, body.OptionalString("default_project_id"),
            body.OptionalString("description"), body.OptionalString("email"), password is null ? null : hasher.Hash(password), null, 0, null);
        await store.InsertNamedAsync(IdentityKinds.User, user.Id, user, IdentityLookup.NameKey(domainId, name), name, domainId, cancellationToken);

        return user;
    }

    /// <summary>One user.</summary>
    public async Task<User> GetAsync(RequestContext caller, string userId, CancellationToken cancellationToken)
    {
        var user = await store.GetAsync<User>(IdentityKinds.User, userId, cancellationToken);
        policy.Enforce("get_user", caller, ("target.user.id", userId), ("target.domain_id", user?.Value.DomainId));
        return user?.Value ?? throw new ResourceNotFoundException(IdentityKinds.User, userId);
    }

    /// <summary>Users matching name, domain_id and enabled.</summary>
    public async Task<IReadOnlyList<User>> ListAsync(RequestContext caller, string? name, string? domainId, bool? enabled, CancellationToken cancellationToken)
    {
        policy.Enforce("list_users", caller, ("target.domain_id", domainId));
        return (await store.ListAsync<User>(IdentityKinds.User, cancellationToken)).Select(d => d.Value)
            .Where(u => (name is null || u.Name == name) && (domainId is null || u.DomainId == domainId) && (enabled is null || u.Enabled == enabled))
            .OrderBy(u => u.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Updates a user (an admin may set a new password here).</summary>
    public async Task<User> UpdateAsync(RequestContext caller, string userId, JsonObject body, CancellationToken cancellationToken)
    {
        var current = await lookup.RequireAsync<User>(IdentityKinds.User, userId, cancellationToken);
        var user = current.Value;
        policy.Enforce("update_user", caller, ("target.user.domain_id", user.DomainId), ("target.domain_id", user.DomainId));
        if (body.OptionalString("domain_id") is { } domainId && domainId != user.DomainId)
        {
            throw new BadRequestException("Update of `domain_id` is not allowed.");
        }

        var password = body.OptionalString("password", 4096);
        var updated = user with
        {
            Name = body.ContainsKey("name") ? body.RequireName("name") : user.Name,
            Enabled = body.OptionalBool("enabled") ?? user.Enabled,
            Email = body.ContainsKey("email") ? body.OptionalString("email") : user.Email,
            Description = body.ContainsKey("description") ? body.OptionalString("description") : user.Description,
            DefaultProjectId = body.ContainsKey("default_project_id") ? body.OptionalString("default_project_id") : user.DefaultProjectId,
            PasswordHash = password is null ? user.PasswordHash : hasher.Hash(password),
            FailedAuthCount = password is null ? user.FailedAuthCount : 0,
        };
        await SaveAsync(current, updated, cancellationToken);
        if ((user.Enabled && !updated.Enabled) || password is not null)
        {
            await revocations.RevokeAsync(userId: userId, cancellationToken: cancellationToken);
        }

        return updated;
    }

    /// <summary>The user changes their own password, proving the original one.</summary>
    public async Task ChangePasswordAsync(RequestContext caller, string userId, JsonObject body, CancellationToken cancellationToken)
    {
        policy.Enforce("change_password", caller, ("target.user.id", userId));
        var original = body.RequireString("original_password", 4096);
        var password = body.RequireString("password", 4096);
        var current = await lookup.RequireAsync<User>(IdentityKinds.User, userId, cancellationToken);
        if (!hasher.Verify(original, current.Value.PasswordHash))
        {
            throw new UnauthorizedException("The request you have made requires authentication.");
        }

        await SaveAsync(current, current.Value with { PasswordHash = hasher.Hash(password), FailedAuthCount = 0 }, cancellationToken);
        await revocations.RevokeAsync(userId: userId, cancellationToken: cancellationToken);
    }

    /// <summary>Deletes a user with their grants, memberships and application credentials; revokes their tokens.</summary>
    public async Task DeleteAsync(RequestContext caller, string userId, CancellationToken cancellationToken)
    {
        var user = (await lookup.RequireAsync<User>(IdentityKinds.User, userId, cancellationToken)).Value;
        policy.Enforce("delete_user", caller, ("target.user.domain_id", user.DomainId), ("target.domain_id", user.DomainId));
        await revocations.RevokeAsync(userId: userId, cancellationToken: cancellationToken);
        await store.DeleteWhereAsync<RoleAssignment>(IdentityKinds.Assignment, a => a.ActorType == ActorTypes.User && a.ActorId == userId, null, cancellationToken);
        await store.DeleteWhereAsync<Membership>(IdentityKinds.Membership, m => m.UserId == userId, null, cancellationToken);
        await store.DeleteWhereAsync<ApplicationCredential>(IdentityKinds.ApplicationCredential, c => c.UserId == userId,
            c => IdentityLookup.NameKey(userId, c.Value.Name), cancellationToken);
        await store.DeleteAsync(IdentityKinds.User, userId, IdentityLookup.NameKey(user.DomainId, user.Name), cancellationToken);
    }

    private Task SaveAsync(Document<User> current, User updated, CancellationToken cancellationToken) =>
        store.ReplaceNamedAsync(IdentityKinds.User, current, updated, IdentityLookup.NameKey(current.Value.DomainId, current.Value.Name), IdentityLookup.NameKey(updated.DomainId, updated.Name),
            updated.Name, updated.DomainId, cancellationToken);
}
