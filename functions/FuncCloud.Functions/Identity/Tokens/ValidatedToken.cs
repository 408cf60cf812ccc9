using FuncCloud.Functions.Identity.Model;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Identity.Tokens;

/// <summary>A token's payload with everything it refers to, checked at one identity revision.</summary>
public sealed record ValidatedToken(
    TokenPayload Payload,
    User User,
    Domain UserDomain,
    Project? Project,
    Domain? ScopeDomain,
    IReadOnlyList<Role> Roles,
    ApplicationCredential? ApplicationCredential,
    long Revision)
{
    /// <summary>The <see cref="RequestContext"/> for policy checks.</summary>
    public RequestContext ToRequestContext(string requestId) => new(
        requestId,
        User.Id,
        User.Name,
        User.DomainId,
        Payload.Scope,
        Project?.Id,
        Project?.Name,
        Project?.DomainId,
        ScopeDomain?.Id,
        Roles.Select(r => r.Name).ToList(),
        Payload.Methods,
        ApplicationCredential?.Id,
        Payload.ExpiresAt);
}
