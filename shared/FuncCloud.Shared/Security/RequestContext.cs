namespace FuncCloud.Shared.Security;

/// <summary>What a token is scoped to.</summary>
public enum ScopeType
{
    /// <summary>No scope: the token can only list what the user may scope to.</summary>
    Unscoped,

    /// <summary>A project.</summary>
    Project,

    /// <summary>A domain.</summary>
    Domain,

    /// <summary>The whole deployment (<c>system: all</c>).</summary>
    System,
}

/// <summary>
/// Who is calling, validated from <c>X-Auth-Token</c>: the input of every policy decision in every
/// service (the equivalent of oslo.context's RequestContext).
/// </summary>
public sealed record RequestContext(
    string RequestId,
    string UserId,
    string UserName,
    string UserDomainId,
    ScopeType Scope,
    string? ProjectId,
    string? ProjectName,
    string? ProjectDomainId,
    string? DomainId,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> AuthMethods,
    string? ApplicationCredentialId,
    DateTimeOffset ExpiresAt)
{
    /// <summary>True when the caller holds the <c>admin</c> role (oslo's is_admin, context_is_admin).</summary>
    public bool IsAdmin => HasRole("admin");

    /// <summary>True for a system-scoped token.</summary>
    public bool IsSystemScope => Scope == ScopeType.System;

    /// <summary>Case-insensitive role check (keystone role names are case-insensitive).</summary>
    public bool HasRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);
}
