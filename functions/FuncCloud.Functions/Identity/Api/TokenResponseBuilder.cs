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
            scoped && includeCatalog ? Catalog(snapshot) : null,
            token.ApplicationCredential is { } c ? new ApplicationCredentialRef(c.Id, c.Name, !c.Unrestricted) : null));
    }

    /// <summary>The service catalog: enabled services with their enabled endpoints.</summary>
    public static IReadOnlyList<CatalogEntry> Catalog(IdentitySnapshot snapshot) => snapshot.Services
        .Where(s => s.Enabled)
        .OrderBy(s => s.Type, StringComparer.Ordinal)
        .Select(s => new CatalogEntry(
            snapshot.Endpoints.Where(e => e.ServiceId == s.Id && e.Enabled)
                .Select(e => new CatalogEndpoint(e.Id, e.Interface, e.RegionId, e.RegionId, e.Url)).ToList(),
            s.Id,
            s.Type,
            s.Name))
        .ToList();
}
