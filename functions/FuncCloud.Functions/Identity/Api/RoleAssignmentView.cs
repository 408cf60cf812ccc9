using System.Text.Json.Serialization;

namespace FuncCloud.Functions.Identity.Api;

/// <summary>A reference with optional name and domain (present with <c>include_names</c>).</summary>
public sealed record NamedRef(string Id, string? Name = null, DomainRef? Domain = null);

/// <summary>One entry of <c>GET /v3/role_assignments</c>.</summary>
public sealed record RoleAssignmentView(
    NamedRef Role,
    IReadOnlyDictionary<string, object> Scope,
    NamedRef? User,
    NamedRef? Group,
    IReadOnlyDictionary<string, string> Links,
    [property: JsonPropertyName("scope.OS-INHERIT:inherited_to")] string? InheritedTo);

/// <summary>The filters of <c>GET /v3/role_assignments</c>.</summary>
public sealed record RoleAssignmentFilter(
    string? UserId,
    string? GroupId,
    string? RoleId,
    string? ProjectId,
    string? DomainId,
    bool System,
    bool Effective,
    bool IncludeNames);
