using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Auth;

/// <summary><c>DELETE /v3/auth/tokens</c>: revokes <c>X-Subject-Token</c>.</summary>
public sealed class RevokeToken(IdentityHttp http, TokenService tokens)
{
    [Function(nameof(RevokeToken))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = IdentityRoutes.V3 + "/auth/tokens")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            await tokens.RevokeSubjectAsync(caller, req.Headers[OpenStackHeaders.SubjectToken].ToString(), cancellationToken);
            return IdentityHttp.NoContent();
        }, cancellationToken);
}
