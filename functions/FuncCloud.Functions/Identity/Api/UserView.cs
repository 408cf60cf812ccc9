using FuncCloud.Functions.Identity.Model;

namespace FuncCloud.Functions.Identity.Api;

/// <summary>A user as the API shows it (never the password hash).</summary>
public sealed record UserView(string Id, string Name, string DomainId, bool Enabled, string? DefaultProjectId, string? Description, string? Email, string? PasswordExpiresAt, IReadOnlyDictionary<string, object> Options)
{
    /// <summary>The view of <paramref name="user"/>.</summary>
    public static UserView From(User user) => new(user.Id, user.Name, user.DomainId, user.Enabled, user.DefaultProjectId, user.Description, user.Email,
        user.PasswordExpiresAt is { } e ? WireTime.Format(e) : null, new Dictionary<string, object>());
}
