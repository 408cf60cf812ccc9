using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Identity.Services;

/// <summary>BCrypt hashing of passwords and application credential secrets (never logged).</summary>
public sealed class PasswordHasher(IOptions<IdentityOptions> options)
{
    // Verified when the user does not exist, so an unknown user costs the same as a wrong password.
    private readonly Lazy<string> _decoy = new(() => BCrypt.Net.BCrypt.HashPassword(Guid.NewGuid().ToString(), options.Value.PasswordHashCost));

    /// <summary>The BCrypt hash of <paramref name="secret"/> at the configured cost.</summary>
    public string Hash(string secret) => BCrypt.Net.BCrypt.HashPassword(secret, options.Value.PasswordHashCost);

    /// <summary>True when <paramref name="secret"/> matches <paramref name="hash"/>; a null hash burns the same time and fails.</summary>
    public bool Verify(string secret, string? hash)
    {
        if (hash is null)
        {
            BCrypt.Net.BCrypt.Verify(secret, _decoy.Value);
            return false;
        }

        try
        {
            return BCrypt.Net.BCrypt.Verify(secret, hash);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
    }
}
