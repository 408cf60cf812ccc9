using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Functions.Identity.Tokens;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Identity.Services;

/// <summary>Validation and revocation of a subject token on behalf of a caller, and the caller's scopes.</summary>
public sealed class TokenService(TokenValidator validator, RevocationService revocations, IdentityPolicies policy, IdentityStore store, IdentitySnapshotCache snapshots)
{
    /// <summary>The subject token, if the caller may see it.</summary>
    /// <exception cref="ResourceNotFoundException">The subject token is invalid, expired or revoked (keystone answers 404).</exception>
    public async Task<ValidatedToken> ValidateSubjectAsync(RequestContext caller, string subjectToken, CancellationToken cancellationToken)
    {
        ValidatedToken subject;
        try
        {
            subject = await validator.ValidateAsync(subjectToken, cancellationToken);
        }
        catch (UnauthorizedException)
        {
            throw new ResourceNotFoundException("token", "(subject token)");
        }

        policy.Enforce("validate_token", caller, ("target.token.user_id", subject.User.Id));
        return subject;
    }

    /// <summary>Revokes the subject token (by its audit id, keystone's way).</summary>
    public async Task RevokeSubjectAsync(RequestContext caller, string subjectToken, CancellationToken cancellationToken)
    {
        var subject = await ValidateSubjectAsync(caller, subjectToken, cancellationToken);
        policy.Enforce("revoke_token", caller, ("target.token.user_id", subject.User.Id));
        await revocations.RevokeAsync(auditId: subject.Payload.AuditId, cancellationToken: cancellationToken);
    }

    /// <summary>The snapshot (for the catalog).</summary>
    public Task<IdentitySnapshot> SnapshotAsync(CancellationToken cancellationToken) => snapshots.GetAsync(cancellationToken);

    /// <summary>The enabled projects the caller holds a role on.</summary>
    public async Task<IReadOnlyList<Project>> ProjectsOfAsync(string userId, CancellationToken cancellationToken)
    {
        var snapshot = await snapshots.GetAsync(cancellationToken);
        return (await store.ListAsync<Project>(IdentityKinds.Project, cancellationToken)).Select(p => p.Value)
            .Where(p => p.Enabled && snapshot.EffectiveRoles(userId, TargetTypes.Project, p.Id, p.DomainId).Count > 0)
            .OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The enabled domains the caller holds a role on.</summary>
    public async Task<IReadOnlyList<Domain>> DomainsOfAsync(string userId, CancellationToken cancellationToken)
    {
        var snapshot = await snapshots.GetAsync(cancellationToken);
        return snapshot.Domains.Where(d => d.Enabled && snapshot.EffectiveRoles(userId, TargetTypes.Domain, d.Id).Count > 0).ToList();
    }

    /// <summary>True when the caller holds a role on the system.</summary>
    public async Task<bool> HasSystemRoleAsync(string userId, CancellationToken cancellationToken) =>
        (await snapshots.GetAsync(cancellationToken)).EffectiveRoles(userId, TargetTypes.System, TargetTypes.SystemAll).Count > 0;
}
