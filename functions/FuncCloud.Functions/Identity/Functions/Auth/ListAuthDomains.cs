using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Auth;

/// <summary><c>GET /v3/auth/domains</c>: the domains the caller can scope to.</summary>
public sealed class ListAuthDomains(IdentityHttp http, TokenService tokens)
{
    [Function(nameof(ListAuthDomains))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/auth/domains")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            IdentityWire.Collection(req, "domains", (await tokens.DomainsOfAsync(caller.UserId, cancellationToken)).Select(d => (d.Id, d))), cancellationToken);
}
