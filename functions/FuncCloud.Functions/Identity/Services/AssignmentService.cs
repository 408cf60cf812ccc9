using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Functions.Identity.Tokens;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Identity.Services;

/// <summary>Role grants: create, check, revoke (revoking the affected tokens), list.</summary>
public sealed class AssignmentService(IdentityStore store, IdentityLookup lookup, IdentityPolicies policy, RevocationService revocations, IdentitySnapshotCache snapshots)
{
    /// <summary>Grants a role (idempotent). The bootstrapper passes no caller.</summary>
    public async Task GrantAsync(RequestContext? caller, GrantTarget grant, CancellationToken cancellationToken)
    {
        var domainId = await ValidateAsync(grant, cancellationToken);
        if (caller is not null)
        {
            policy.Enforce("create_grant", caller, ("target.domain_id", domainId), ("target.project.id", grant.TargetType == TargetTypes.Project ? grant.TargetId : null));
        }

        var assignment = grant.ToAssignment();
        await store.InsertIfAbsentAsync(IdentityKinds.Assignment, assignment.Key, assignment, cancellationToken);
    }

    /// <summary>404 unless the grant exists.</summary>
    public async Task CheckAsync(RequestContext caller, GrantTarget grant, CancellationToken cancellationToken)
    {
        var domainId = await ValidateAsync(grant, cancellationToken);
        policy.Enforce("check_grant", caller, ("target.domain_id", domainId));
        _ = await store.GetAsync<RoleAssignment>(IdentityKinds.Assignment, grant.ToAssignment().Key, cancellationToken)
            ?? throw new ResourceNotFoundException("role assignment", $"{grant.RoleId} for {grant.ActorType} {grant.ActorId} on {grant.TargetType} {grant.TargetId}");
    }

    /// <summary>Revokes a grant and the tokens it backed (keystone's revocation event on role removal).</summary>
    public async Task RevokeAsync(RequestContext caller, GrantTarget grant, CancellationToken cancellationToken)
    {
        var domainId = await ValidateAsync(grant, cancellationToken);
        policy.Enforce("revoke_grant", caller, ("target.domain_id", domainId));
        var key = grant.ToAssignment().Key;
        _ = await store.GetAsync<RoleAssignment>(IdentityKinds.Assignment, key, cancellationToken)
            ?? throw new ResourceNotFoundException("role assignment", $"{grant.RoleId} for {grant.ActorType} {grant.ActorId} on {grant.TargetType} {grant.TargetId}");
        await store.DeleteAsync(IdentityKinds.Assignment, key, null, cancellationToken);

        var users = grant.ActorType == ActorTypes.User
            ? [grant.ActorId]
            : (await snapshots.GetAsync(cancellationToken)).Memberships.Where(m => m.GroupId == grant.ActorId).Select(m => m.UserId).ToList();
        foreach (var userId in users)
        {
            await revocations.RevokeAsync(userId: userId, projectId: grant.TargetType == TargetTypes.Project ? grant.TargetId : null, cancellationToken: cancellationToken);
        }
    }

    /// <summary>The roles granted to one actor on one target.</summary>
    public async Task<IReadOnlyList<Role>> ListGrantsAsync(RequestContext caller, string targetType, string targetId, string actorType, string actorId, CancellationToken cancellationToken)
    {
        var domainId = await ValidateAsync(new GrantTarget(targetType, targetId, actorType, actorId, string.Empty, false), cancellationToken, checkRole: false);
        policy.Enforce("list_grants", caller, ("target.domain_id", domainId));
        var snapshot = await snapshots.GetAsync(cancellationToken);
        return snapshot.Assignments
            .Where(a => a.TargetType == targetType && a.TargetId == targetId && a.ActorType == actorType && a.ActorId == actorId && !a.Inherited)
            .Select(a => snapshot.RoleById(a.RoleId)).OfType<Role>().ToList();
    }

    // Checks that the target, the actor and the role exist; returns the domain the grant is managed in.
    private async Task<string?> ValidateAsync(GrantTarget grant, CancellationToken cancellationToken, bool checkRole = true)
    {
        string? domainId = grant.TargetType switch
        {
            TargetTypes.Project => (await lookup.RequireAsync<Project>(IdentityKinds.Project, grant.TargetId, cancellationToken)).Value.DomainId,
            TargetTypes.Domain => (await lookup.RequireAsync<Domain>(IdentityKinds.Domain, grant.TargetId, cancellationToken)).Value.Id,
            _ => null,
        };
        if (grant.ActorType == ActorTypes.User)
        {
            await lookup.RequireAsync<User>(IdentityKinds.User, grant.ActorId, cancellationToken);
        }
        else
        {
            await lookup.RequireAsync<Group>(IdentityKinds.Group, grant.ActorId, cancellationToken);
        }

        if (checkRole)
        {
            await lookup.RequireAsync<Role>(IdentityKinds.Role, grant.RoleId, cancellationToken);
        }

        return domainId;
    }
}
