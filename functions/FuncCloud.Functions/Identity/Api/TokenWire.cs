namespace FuncCloud.Functions.Identity.Api;

/// <summary>The body of token responses.</summary>
public sealed record TokenBody(TokenDetail Token);

/// <summary>A token as <c>POST/GET /v3/auth/tokens</c> return it.</summary>
public sealed record TokenDetail(
    IReadOnlyList<string> Methods,
    TokenUser User,
    IReadOnlyList<string> AuditIds,
    string ExpiresAt,
    string IssuedAt,
    TokenProject? Project,
    DomainRef? Domain,
    IReadOnlyDictionary<string, bool>? System,
    bool? IsDomain,
    IReadOnlyList<RoleRef>? Roles,
    IReadOnlyList<CatalogEntry>? Catalog,
    ApplicationCredentialRef? ApplicationCredential);

/// <summary>A domain reference: id and name.</summary>
public sealed record DomainRef(string Id, string Name);

/// <summary>A role reference.</summary>
public sealed record RoleRef(string Id, string Name);

/// <summary>The token's user.</summary>
public sealed record TokenUser(string Id, string Name, DomainRef Domain, string? PasswordExpiresAt);

/// <summary>The token's project.</summary>
public sealed record TokenProject(string Id, string Name, DomainRef Domain);

/// <summary>The application credential a token was issued for.</summary>
public sealed record ApplicationCredentialRef(string Id, string Name, bool Restricted);

/// <summary>A service of the catalog with its endpoints.</summary>
public sealed record CatalogEntry(IReadOnlyList<CatalogEndpoint> Endpoints, string Id, string Type, string Name);

/// <summary>An endpoint inside a <see cref="CatalogEntry"/>.</summary>
public sealed record CatalogEndpoint(string Id, string Interface, string? Region, string? RegionId, string Url);

/// <summary>Keystone's timestamp format.</summary>
public static class WireTime
{
    /// <summary>e.g. <c>2015-11-05T22:00:11.000000Z</c>.</summary>
    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
