using System.Collections.Concurrent;
using FuncCloud.Functions.Identity.Tokens;
using FuncCloud.Shared.Security;

namespace FuncCloud.Functions.Alarming.Evaluation;

/// <summary>
/// Tokens the evaluator reads Gnocchi with: a short-lived project-scoped token of the alarm's owner, minted in
/// process with the keystone token provider (the same Fernet keys the API validates), much like the trust aodh
/// can hold for an alarm. Roles are resolved when Gnocchi validates it, so the evaluator sees exactly what the
/// owner may see today, never another project's measures; a deleted user or a revoked role reads nothing.
/// </summary>
public sealed class EvaluationTokens(TokenProvider tokens, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<(string User, string Project), (string Token, DateTimeOffset ExpiresAt)> _cache = new();

    /// <summary>A token of <paramref name="userId"/> scoped to <paramref name="projectId"/>, cached until shortly before it expires.</summary>
    public async Task<string> GetAsync(string userId, string projectId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue((userId, projectId), out var cached) && cached.ExpiresAt - Margin > now)
        {
            return cached.Token;
        }

        var expires = now + Lifetime;
        var payload = new TokenPayload(userId, [AuthMethods.Token], ScopeType.Project, projectId, now, expires, [TokenProvider.NewAuditId()], null);
        var token = await tokens.IssueAsync(payload, cancellationToken);
        _cache[(userId, projectId)] = (token, expires);
        return token;
    }
}
