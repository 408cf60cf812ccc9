using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Functions.Identity.Tokens;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Auth;

/// <summary><c>POST /v3/auth/tokens</c>: 201 with the token in <c>X-Subject-Token</c> and its body (<c>?nocatalog</c> omits the catalog).</summary>
public sealed class IssueToken(IdentityHttp http, AuthenticationService authentication, IdentitySnapshotCache snapshots)
{
    [Function(nameof(IssueToken))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = IdentityRoutes.V3 + "/auth/tokens")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.RunAsync(req, async () =>
        {
            var body = await JsonRequest.ReadObjectAsync(req, cancellationToken);
            IssuedToken issued;
            try
            {
                issued = await authentication.AuthenticateAsync(body.RequireObject("auth"), req.HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
            }
            catch (TooManyRequestsException limited)
            {
                req.HttpContext.Response.Headers.RetryAfter = limited.RetryAfterSeconds;
                throw;
            }

            req.HttpContext.Response.Headers[OpenStackHeaders.SubjectToken] = issued.Token;
            var includeCatalog = !req.Query.ContainsKey("nocatalog");
            return OpenStackHttp.Json(TokenResponseBuilder.Build(issued.Details, await snapshots.GetAsync(cancellationToken), includeCatalog), StatusCodes.Status201Created);
        });
}
