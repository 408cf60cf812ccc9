using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Storage;

namespace FuncCloud.Functions.Identity.Api;

/// <summary>An application credential as the API shows it; <see cref="Secret"/> only in the create response.</summary>
public sealed record ApplicationCredentialView(
    string Id,
    string Name,
    string Description,
    string? ExpiresAt,
    string ProjectId,
    string UserId,
    bool Unrestricted,
    IReadOnlyList<RoleView> Roles,
    IReadOnlyList<object> AccessRules,
    string? Secret)
{
    /// <summary>The view of <paramref name="credential"/>.</summary>
    public static ApplicationCredentialView From(ApplicationCredential credential, IdentitySnapshot snapshot, string? secret = null) => new(
        credential.Id, credential.Name, credential.Description, credential.ExpiresAt is { } e ? WireTime.Format(e) : null, credential.ProjectId, credential.UserId,
        credential.Unrestricted, credential.RoleIds.Select(snapshot.RoleById).OfType<Role>().Select(r => new RoleView(r.Id, r.Name, r.DomainId)).ToList(), [], secret);
}

/// <summary>A role inside another resource.</summary>
public sealed record RoleView(string Id, string Name, string? DomainId);
