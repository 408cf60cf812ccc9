namespace FuncCloud.Functions.Identity.Model;

/// <summary>A keystone domain: a namespace of projects, users and groups.</summary>
public sealed record Domain(string Id, string Name, string Description, bool Enabled, IReadOnlyList<string> Tags);

/// <summary>A project (tenant). Domains are also projects with <c>is_domain</c> in keystone; here they are their own kind.</summary>
public sealed record Project(string Id, string Name, string DomainId, string Description, bool Enabled, string? ParentId, bool IsDomain, IReadOnlyList<string> Tags);

/// <summary>A user; the password is kept only as a BCrypt hash.</summary>
public sealed record User(
    string Id,
    string Name,
    string DomainId,
    bool Enabled,
    string? DefaultProjectId,
    string? Description,
    string? Email,
    string? PasswordHash,
    DateTimeOffset? PasswordExpiresAt,
    int FailedAuthCount,
    DateTimeOffset? LastFailedAuthAt);

/// <summary>A group of users.</summary>
public sealed record Group(string Id, string Name, string DomainId, string Description);

/// <summary>A user's membership in a group.</summary>
public sealed record Membership(string GroupId, string UserId)
{
    /// <summary>The storage id.</summary>
    public string Key => $"{GroupId}|{UserId}";
}

/// <summary>A role (global when <see cref="DomainId"/> is null).</summary>
public sealed record Role(string Id, string Name, string? DomainId, string? Description);

/// <summary>Holding <see cref="PriorRoleId"/> implies holding <see cref="ImpliedRoleId"/>.</summary>
public sealed record ImpliedRole(string PriorRoleId, string ImpliedRoleId)
{
    /// <summary>The storage id.</summary>
    public string Key => $"{PriorRoleId}|{ImpliedRoleId}";
}

/// <summary>Kinds of actor a role is granted to.</summary>
public static class ActorTypes
{
    public const string User = "user";
    public const string Group = "group";
}

/// <summary>Kinds of target a role is granted on.</summary>
public static class TargetTypes
{
    public const string Project = "project";
    public const string Domain = "domain";
    public const string System = "system";

    /// <summary>The only system target.</summary>
    public const string SystemAll = "all";
}

/// <summary>A role granted to a user or group on a project, a domain or the system.</summary>
public sealed record RoleAssignment(string ActorType, string ActorId, string TargetType, string TargetId, string RoleId, bool Inherited)
{
    /// <summary>The storage id (the whole grant: granting twice is idempotent).</summary>
    public string Key => $"{ActorType}|{ActorId}|{TargetType}|{TargetId}|{RoleId}|{(Inherited ? 1 : 0)}";
}

/// <summary>A region of the catalog.</summary>
public sealed record Region(string Id, string Description, string? ParentRegionId);

/// <summary>A service of the catalog.</summary>
public sealed record CatalogService(string Id, string Type, string Name, string Description, bool Enabled);

/// <summary>An endpoint of a catalog service.</summary>
public sealed record Endpoint(string Id, string ServiceId, string Interface, string Url, string? RegionId, bool Enabled)
{
    /// <summary>The region again, under the legacy name the API still returns beside <c>region_id</c>.</summary>
    public string? Region => RegionId;
}

/// <summary>An application credential: a secret (kept hashed) that authenticates as its user on one project.</summary>
public sealed record ApplicationCredential(
    string Id,
    string Name,
    string UserId,
    string ProjectId,
    string Description,
    string SecretHash,
    DateTimeOffset? ExpiresAt,
    bool Unrestricted,
    IReadOnlyList<string> RoleIds);

/// <summary>
/// A revocation event (keystone's model): every token whose attributes match all the set fields and
/// that was issued at or before <see cref="IssuedBefore"/> is revoked.
/// </summary>
public sealed record RevocationEvent(string Id, string? UserId, string? ProjectId, string? AuditId, string? AuditChainId, DateTimeOffset IssuedBefore, DateTimeOffset RevokedAt);
