using System.Net;

namespace FuncCloud.Agent.Api;

/// <summary>
/// Adds <c>X-Auth-Token</c> to API calls. On 401 it drops the token so the next call authenticates again;
/// it does not replay the request (callers retry on their own schedule).
/// </summary>
public sealed class KeystoneAuthHandler(KeystoneTokenProvider tokens) : DelegatingHandler
{
    private const string AuthTokenHeader = "X-Auth-Token";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        request.Headers.Remove(AuthTokenHeader);
        request.Headers.Add(AuthTokenHeader, token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            tokens.Invalidate(token);
        }

        return response;
    }
}
