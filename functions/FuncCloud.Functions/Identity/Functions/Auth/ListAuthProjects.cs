using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Auth;

/// <summary><c>GET /v3/auth/projects</c>: the projects the caller can scope to.</summary>
public sealed class ListAuthProjects(IdentityHttp http, TokenService tokens)
{
    [Function(nameof(ListAuthProjects))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/auth/projects")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            IdentityWire.Collection(req, "projects", (await tokens.ProjectsOfAsync(caller.UserId, cancellationToken)).Select(p => (p.Id, p))), cancellationToken);
}
