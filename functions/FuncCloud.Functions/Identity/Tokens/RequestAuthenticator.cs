using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Security;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Identity.Tokens;

/// <summary>The <see cref="IRequestAuthenticator"/> every service uses: <c>X-Auth-Token</c> → <see cref="RequestContext"/>.</summary>
public sealed class RequestAuthenticator(TokenValidator validator) : IRequestAuthenticator
{
    /// <inheritdoc />
    public async Task<RequestContext> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken) =>
        (await ValidateCallerAsync(request, cancellationToken)).ToRequestContext(RequestIds.Get(request.HttpContext));

    /// <summary>The caller's validated token.</summary>
    /// <exception cref="UnauthorizedException">No token or an invalid one.</exception>
    public Task<ValidatedToken> ValidateCallerAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var token = request.Headers[OpenStackHeaders.AuthToken].ToString();
        return token.Length == 0
            ? throw new UnauthorizedException("The request you have made requires authentication.")
            : validator.ValidateAsync(token, cancellationToken);
    }
}
