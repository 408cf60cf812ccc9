using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Identity.Tokens;

/// <summary>
/// Resolves a payload against the identity data: the user and its domain must be enabled, the scope must
/// exist and be enabled, and the user must hold at least one role on it (narrowed to an application
/// credential's roles). Used both before issuing and on every validation.
/// </summary>
public sealed class TokenScopeResolver(IdentityStore store)
{
    /// <summary>The resolved token.</summary>
    /// <exception cref="UnauthorizedException">Something the token refers to is gone, disabled, or no longer grants access.</exception>
    public async Task<ValidatedToken> ResolveAsync(TokenPayload payload, IdentitySnapshot snapshot, CancellationToken cancellationToken)
    {
        var user = (await store.GetAsync<User>(IdentityKinds.User, payload.UserId, cancellationToken))?.Value;
        var userDomain = user is null ? null : snapshot.DomainById(user.DomainId);
        if (user is not { Enabled: true } || userDomain is not { Enabled: true })
        {
            throw new UnauthorizedException("The user is disabled or does not exist.");
        }

        ApplicationCredential? credential = null;
        if (payload.ApplicationCredentialId is { } credentialId)
        {
            credential = (await store.GetAsync<ApplicationCredential>(IdentityKinds.ApplicationCredential, credentialId, cancellationToken))?.Value;
            if (credential is null || credential.UserId != user.Id || credential.ExpiresAt <= DateTimeOffset.UtcNow)
            {
                throw new UnauthorizedException("The application credential is expired or does not exist.");
            }
        }

        Project? project = null;
        Domain? scopeDomain = null;
        IReadOnlyList<string> roleIds = [];
        switch (payload.Scope)
        {
            case ScopeType.Project:
                project = (await store.GetAsync<Project>(IdentityKinds.Project, payload.ScopeId!, cancellationToken))?.Value;
                if (project is not { Enabled: true } || snapshot.DomainById(project.DomainId) is not { Enabled: true })
                {
                    throw new UnauthorizedException($"The project {payload.ScopeId} is disabled or does not exist.");
                }

                roleIds = snapshot.EffectiveRoles(user.Id, TargetTypes.Project, project.Id, project.DomainId);
                break;
            case ScopeType.Domain:
                scopeDomain = snapshot.DomainById(payload.ScopeId!);
                if (scopeDomain is not { Enabled: true })
                {
                    throw new UnauthorizedException($"The domain {payload.ScopeId} is disabled or does not exist.");
                }

                roleIds = snapshot.EffectiveRoles(user.Id, TargetTypes.Domain, scopeDomain.Id);
                break;
            case ScopeType.System:
                roleIds = snapshot.EffectiveRoles(user.Id, TargetTypes.System, TargetTypes.SystemAll);
                break;
        }

        if (credential is not null)
        {
            var allowed = snapshot.Expand(credential.RoleIds).ToHashSet();
            roleIds = roleIds.Where(allowed.Contains).ToList();
        }

        if (payload.Scope != ScopeType.Unscoped && roleIds.Count == 0)
        {
            throw new UnauthorizedException($"User {user.Id} has no access to the requested scope.");
        }

        var roles = roleIds.Select(snapshot.RoleById).OfType<Role>().OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new ValidatedToken(payload, user, userDomain, project, scopeDomain, roles, credential, snapshot.Revision);
    }
}
