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
            scoped && includeCatalog ? Catalog(snapshot, token.Project?.Id) : null,
            token.ApplicationCredential is { } c ? new ApplicationCredentialRef(c.Id, c.Name, !c.Unrestricted) : null));
    }

    /// <summary>
    /// The service catalog: enabled services with their enabled endpoints. As keystone does, <c>$(project_id)s</c>
    /// (and <c>%(project_id)s</c>, <c>$(tenant_id)s</c>) in a URL become the token's project; an endpoint that
    /// needs a project is left out of catalogs without one.
    /// </summary>
    public static IReadOnlyList<CatalogEntry> Catalog(IdentitySnapshot snapshot, string? projectId = null) => snapshot.Services
        .Where(s => s.Enabled)
        .OrderBy(s => s.Type, StringComparer.Ordinal)
        .Select(s => new CatalogEntry(
            snapshot.Endpoints.Where(e => e.ServiceId == s.Id && e.Enabled)
                .Select(e => (Endpoint: e, Url: Substitute(e.Url, projectId)))
                .Where(e => e.Url is not null)
                .Select(e => new CatalogEndpoint(e.Endpoint.Id, e.Endpoint.Interface, e.Endpoint.RegionId, e.Endpoint.RegionId, e.Url!)).ToList(),
            s.Id,
            s.Type,
            s.Name))
        .ToList();

    private static readonly string[] ProjectPlaceholders = ["$(project_id)s", "%(project_id)s", "$(tenant_id)s", "%(tenant_id)s"];

    private static string? Substitute(string url, string? projectId)
    {
        if (!url.Contains("(project_id)s", StringComparison.Ordinal) && !url.Contains("(tenant_id)s", StringComparison.Ordinal))
        {
            return url;
        }

        if (projectId is null)
        {
            return null;
        }

        foreach (var placeholder in ProjectPlaceholders)
        {
            url = url.Replace(placeholder, projectId, StringComparison.Ordinal);
        }

        return url;
    }
}
