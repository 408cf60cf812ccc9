using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Functions.Identity.Tokens;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Identity.Api;

/// <summary>Maps a <see cref="ValidatedToken"/> onto keystone's token body.</summary>
public static class TokenResponseBuilder
{
    /// <summary>The token body; the catalog is left out for unscoped tokens or when <paramref name="includeCatalog"/> is false.</summary>
    public static TokenBody Build(ValidatedToken token, IdentitySnapshot snapshot, bool includeCatalog)
    {
        var payload = token.Payload;
        var scoped = payload.Scope != ScopeType.Unscoped;
        var project = token.Project is { } p
            ? new TokenProject(p.Id, p.Name, new DomainRef(p.DomainId, snapshot.DomainById(p.DomainId)?.Name ?? p.DomainId))
            : null;
        return new TokenBody(new TokenDetail(
            payload.Methods,
            new TokenUser(token.User.Id, token.User.Name, new DomainRef(token.UserDomain.Id, token.UserDomain.Name), token.User.PasswordExpiresAt is { } e ? WireTime.Format(e) : null),
            payload.AuditIds,
            WireTime.Format(payload.ExpiresAt),
            WireTime.Format(payload.IssuedAt),
            project,
            token.ScopeDomain is { } d ? new DomainRef(d.Id, d.Name) : null,
            payload.Scope == ScopeType.System ? new Dictionary<string, bool> { ["all"] = true } : null,
            project is null ? null : false,
            scoped ? token.Roles.Select(r => new RoleRef(r.Id, r.Name)).ToList() : null,
            scoped && includeCatalog ? Catalog(snapshot, token.Project?.Id, token.User.Id) : null,
            token.ApplicationCredential is { } c ? new ApplicationCredentialRef(c.Id, c.Name, !c.Unrestricted) : null));
    }

    /// <summary>
    /// The service catalog: enabled services with their enabled endpoints. Endpoint URLs may hold keystone's
    /// substitutions <c>$(project_id)s</c> / <c>%(project_id)s</c> (also <c>tenant_id</c>, <c>user_id</c>), filled from
    /// the token; an endpoint whose substitution has no value (a domain-scoped token) is left out, as keystone does.
    /// </summary>
    public static IReadOnlyList<CatalogEntry> Catalog(IdentitySnapshot snapshot, string? projectId, string? userId) => snapshot.Services
        .Where(s => s.Enabled)
        .OrderBy(s => s.Type, StringComparer.Ordinal)
        .Select(s => new CatalogEntry(
            snapshot.Endpoints.Where(e => e.ServiceId == s.Id && e.Enabled)
                .Select(e => (Endpoint: e, Url: Substitute(e.Url, projectId, userId)))
                .Where(e => e.Url is not null)
                .Select(e => new CatalogEndpoint(e.Endpoint.Id, e.Endpoint.Interface, e.Endpoint.RegionId, e.Endpoint.RegionId, e.Url!)).ToList(),
            s.Id,
            s.Type,
            s.Name))
        .ToList();

    private static string? Substitute(string url, string? projectId, string? userId)
    {
        if (!url.Contains(")s", StringComparison.Ordinal))
        {
            return url;
        }

        var result = url.Replace("$(", "%(", StringComparison.Ordinal);
        foreach (var (name, value) in new[] { ("project_id", projectId), ("tenant_id", projectId), ("user_id", userId) })
        {
            var placeholder = $"%({name})s";
            if (result.Contains(placeholder, StringComparison.Ordinal))
            {
                if (value is null)
                {
                    return null;
                }

                result = result.Replace(placeholder, value, StringComparison.Ordinal);
            }
        }

        return result;
    }
}
