using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Storage;
using FuncCloud.Functions.Identity.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Users;

/// <summary><c>GET /v3/users/{userId}/projects</c>: the projects a user holds a role on.</summary>
public sealed class ListUserProjects(IdentityHttp http, TokenService tokens, IdentityPolicies policy, IdentityLookup lookup)
{
    [Function(nameof(ListUserProjects))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/users/{userId}/projects")] HttpRequest req,
        string userId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            // As keystone builds the policy target: an unknown user is a 404, not an empty list.
            var user = (await lookup.RequireAsync<User>(IdentityKinds.User, userId, cancellationToken)).Value;
            policy.Enforce("list_user_projects", caller, ("target.user.id", user.Id));
            return IdentityWire.Collection(req, "projects", (await tokens.ProjectsOfAsync(userId, cancellationToken)).Select(p => (p.Id, p)));
        }, cancellationToken);
}
