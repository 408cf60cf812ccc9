using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Automation.Envelope;
using FuncCloud.Functions.Identity.Tokens;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Functions.Automation.Services;

/// <summary>Who sent a request, and the token its operations run with.</summary>
public sealed record AutomationCaller(string Token, DateTimeOffset ExpiresAt, string UserId, string? ProjectId);

/// <summary>
/// Authenticates an envelope exactly as HTTP does: a keystone token goes through the same
/// <see cref="TokenValidator"/>; an application credential is exchanged for a token by the same
/// <see cref="AuthenticationService"/> that answers <c>POST /identity/v3/auth/tokens</c>. Issued tokens are kept
/// (by credential id and a hash of the secret) until shortly before they expire, so a burst of messages does not
/// pay a secret hash each; every operation still validates the token (revocation applies at once).
/// </summary>
public sealed class AutomationAuthenticator(AuthenticationService authentication, TokenValidator validator, TimeProvider clock)
{
    private const int MaxCachedTokens = 1024;
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, AutomationCaller> _issued = new(StringComparer.Ordinal);

    /// <summary>The caller of <paramref name="envelope"/>.</summary>
    /// <exception cref="AutomationRejectedException">The credentials are not valid (the reason is keystone's).</exception>
    public async Task<AutomationCaller> AuthenticateAsync(AutomationEnvelope envelope, CancellationToken cancellationToken)
    {
        var credentials = envelope.Credentials;
        try
        {
            if (credentials.Token is { } token)
            {
                var validated = await validator.ValidateAsync(token, cancellationToken);
                return new AutomationCaller(token, validated.Payload.ExpiresAt, validated.User.Id, validated.Project?.Id);
            }

            var key = Key(credentials.ApplicationCredentialId!, credentials.ApplicationCredentialSecret!);
            if (_issued.TryGetValue(key, out var cached) && cached.ExpiresAt - Margin > clock.GetUtcNow())
            {
                return cached;
            }

            var auth = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray(AuthMethods.ApplicationCredential),
                    [AuthMethods.ApplicationCredential] = new JsonObject
                    {
                        ["id"] = credentials.ApplicationCredentialId,
                        ["secret"] = credentials.ApplicationCredentialSecret,
                    },
                },
            };
            var issued = await authentication.AuthenticateAsync(auth, null, cancellationToken);
            var caller = new AutomationCaller(issued.Token, issued.Details.Payload.ExpiresAt, issued.Details.User.Id, issued.Details.Project?.Id);
            if (_issued.Count >= MaxCachedTokens)
            {
                _issued.Clear();
            }

            _issued[key] = caller;
            return caller;
        }
        catch (OpenStackException e)
        {
            throw new AutomationRejectedException($"authentication failed ({e.StatusCode}): {e.Message}", envelope.CorrelationId, envelope.ReplyQueue);
        }
    }

    private static string Key(string id, string secret) =>
        id + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id + "\n" + secret)));
}
