using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.Security;

/// <summary>
/// Validates the <c>X-Auth-Token</c> of a request (the keystonemiddleware auth_token equivalent). Every
/// service calls this first; Identity provides the implementation.
/// </summary>
public interface IRequestAuthenticator
{
    /// <summary>The caller's context.</summary>
    /// <exception cref="OpenStack.Errors.UnauthorizedException">No token, or it is invalid, expired or revoked.</exception>
    Task<RequestContext> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken);
}
