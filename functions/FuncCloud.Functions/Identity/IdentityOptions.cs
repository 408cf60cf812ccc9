namespace FuncCloud.Functions.Identity;

/// <summary>Identity settings, bound from <c>FuncCloud:Identity</c>.</summary>
public sealed class IdentityOptions
{
    /// <summary>Token lifetime (keystone's <c>[token] expiration</c>, 1 h).</summary>
    public TimeSpan TokenExpiration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a validated token is served from the cache (also invalidated by any identity change).</summary>
    public TimeSpan ValidationCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How stale this replica's view of the identity revision may be (changes made elsewhere).</summary>
    public TimeSpan RevisionCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>BCrypt work factor for passwords and application credential secrets.</summary>
    public int PasswordHashCost { get; set; } = 12;

    /// <summary>Failed password attempts before the user is locked out; 0 disables lockout (keystone's default).</summary>
    public int LockoutFailureAttempts { get; set; }

    /// <summary>How long a lockout lasts.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Failed password attempts per user (id, or domain and name when unknown) within <see cref="FailedPasswordWindow"/>
    /// before further attempts get 429 without the password being checked; 0 disables the limit.
    /// </summary>
    public int FailedPasswordLimitPerUser { get; set; } = 10;

    /// <summary>Failed password attempts per source address within <see cref="FailedPasswordWindow"/>; 0 disables the limit.</summary>
    public int FailedPasswordLimitPerAddress { get; set; } = 100;

    /// <summary>The window the failed password limits count in (<c>Retry-After</c> is its remaining time).</summary>
    public TimeSpan FailedPasswordWindow { get; set; } = TimeSpan.FromMinutes(5);
}
