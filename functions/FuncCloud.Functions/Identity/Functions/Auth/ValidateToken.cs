using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Auth;

/// <summary><c>GET|HEAD /v3/auth/tokens</c>: validates <c>X-Subject-Token</c> for the <c>X-Auth-Token</c> caller.</summary>
public sealed class ValidateToken(IdentityHttp http, TokenService tokens)
{
    [Function(nameof(ValidateToken))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = IdentityRoutes.V3 + "/auth/tokens")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            var subjectToken = req.Headers[OpenStackHeaders.SubjectToken].ToString();
            var subject = await tokens.ValidateSubjectAsync(caller, subjectToken, cancellationToken);
            req.HttpContext.Response.Headers[OpenStackHeaders.SubjectToken] = subjectToken;
            if (HttpMethods.IsHead(req.Method))
            {
                return Results.Ok();
            }

            return OpenStackHttp.Json(TokenResponseBuilder.Build(subject, await tokens.SnapshotAsync(cancellationToken), !req.Query.ContainsKey("nocatalog")));
        }, cancellationToken);
}
