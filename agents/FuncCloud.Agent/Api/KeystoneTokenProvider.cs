using System.Net.Http.Json;
using System.Text.Json;
using FuncCloud.Agent.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FuncCloud.Agent.Api;

/// <summary>
/// Issues and caches the agent's project-scoped Keystone v3 token (password method): <c>POST
/// {auth_url}/auth/tokens</c>, token in the <c>X-Subject-Token</c> header, expiry in the body. The token is
/// re-issued <see cref="AgentApiOptions.TokenRefreshMargin"/> before it expires, or after a 401. One
/// provider serves every node the process hosts.
/// </summary>
public sealed class KeystoneTokenProvider(
    IHttpClientFactory httpClients,
    IOptions<AgentApiOptions> options,
    TimeProvider time,
    ILogger<KeystoneTokenProvider> logger)
{
    /// <summary>The named HttpClient used for Keystone.</summary>
    public const string HttpClientName = "keystone";

    private const string SubjectTokenHeader = "X-Subject-Token";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _issue = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _current;

    /// <summary>A valid token, issuing a new one when none is cached or it is about to expire.</summary>
    /// <exception cref="KeystoneAuthenticationException">Keystone refused the credential or is unreachable.</exception>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } token)
        {
            return token;
        }

        await _issue.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } issuedMeanwhile)
            {
                return issuedMeanwhile;
            }

            _current = await IssueAsync(cancellationToken);
            KeystoneLog.TokenIssued(logger, options.Value.Username, _current.Value.ExpiresAt);
            return _current.Value.Token;
        }
        finally
        {
            _issue.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> (the API answered 401) so the next call issues a new one.</summary>
    public void Invalidate(string token)
    {
        if (_current is { } current && current.Token == token)
        {
            _current = null;
        }
    }

    private string? Fresh() =>
        _current is { } current && current.ExpiresAt - options.Value.TokenRefreshMargin > time.GetUtcNow() ? current.Token : null;

    private async Task<(string, DateTimeOffset)> IssueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var authUrl = settings.AuthUrl ?? throw new InvalidOperationException($"{AgentApiOptions.SectionName}:AuthUrl is not configured.");
        var request = new KeystoneAuthRequest(new KeystoneAuth(
            new KeystoneIdentity(["password"], new KeystonePasswordMethod(
                new KeystoneUser(settings.Username, new KeystoneNamed(settings.UserDomainName), settings.Password))),
            new KeystoneScope(new KeystoneProject(settings.ProjectName, new KeystoneNamed(settings.ProjectDomainName)))));
        var tokensUri = new Uri(authUrl.AbsoluteUri.TrimEnd('/') + "/auth/tokens");
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).PostAsJsonAsync(tokensUri, request, Json, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new KeystoneAuthenticationException(authUrl, $"{(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var token = response.Headers.TryGetValues(SubjectTokenHeader, out var values) ? values.FirstOrDefault() : null;
            var body = await response.Content.ReadFromJsonAsync<KeystoneTokenResponse>(Json, cancellationToken);
            return token is { Length: > 0 } && body is not null
                ? (token, body.Token.ExpiresAt)
                : throw new KeystoneAuthenticationException(authUrl, $"the response lacks {SubjectTokenHeader} or token.expires_at");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new KeystoneAuthenticationException(authUrl, e.Message);
        }
    }
}
