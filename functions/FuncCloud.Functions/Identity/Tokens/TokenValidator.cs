using System.Collections.Concurrent;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Identity.Tokens;

/// <summary>
/// Validates tokens: signature and expiry (Fernet), revocation events, then the scope against current
/// data. Results are cached by token string, but only for the identity revision they were computed at:
/// a revocation (or any identity change) bumps the revision, so the cache never serves a revoked token.
/// </summary>
public sealed class TokenValidator(
    TokenProvider provider,
    IdentitySnapshotCache snapshots,
    TokenScopeResolver resolver,
    IOptions<IdentityOptions> options,
    TimeProvider clock)
{
    private const int MaxCacheEntries = 20_000;
    private readonly ConcurrentDictionary<string, CacheEntry> _cache = new(StringComparer.Ordinal);

    /// <summary>Validates <paramref name="token"/>.</summary>
    /// <exception cref="UnauthorizedException">Invalid, expired, revoked, or no longer granting access.</exception>
    public async Task<ValidatedToken> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var snapshot = await snapshots.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(token, out var entry) && entry.Token.Revision == snapshot.Revision && entry.CachedUntil > now)
        {
            return entry.Token;
        }

        var payload = await provider.OpenAsync(token, cancellationToken);
        if (IsRevoked(payload, snapshot.Revocations))
        {
            throw new UnauthorizedException("The token has been revoked.");
        }

        var validated = await resolver.ResolveAsync(payload, snapshot, cancellationToken);
        if (_cache.Count >= MaxCacheEntries)
        {
            _cache.Clear();
        }

        var until = now + options.Value.ValidationCacheDuration;
        _cache[token] = new CacheEntry(validated, until < payload.ExpiresAt ? until : payload.ExpiresAt);
        return validated;
    }

    /// <summary>True when one of <paramref name="events"/> matches <paramref name="payload"/> (keystone's revocation model).</summary>
    public static bool IsRevoked(TokenPayload payload, IEnumerable<RevocationEvent> events)
    {
        var projectId = payload.Scope == Shared.Security.ScopeType.Project ? payload.ScopeId : null;
        return events.Any(e =>
            payload.IssuedAt <= e.IssuedBefore &&
            (e.UserId is null || e.UserId == payload.UserId) &&
            (e.ProjectId is null || e.ProjectId == projectId) &&
            (e.AuditId is null || e.AuditId == payload.AuditId) &&
            (e.AuditChainId is null || e.AuditChainId == payload.AuditChainId));
    }

    private sealed record CacheEntry(ValidatedToken Token, DateTimeOffset CachedUntil);
}
