using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Assignments;

/// <summary><c>HEAD /v3/{projects|domains}/{id}/{users|groups}/{id}/roles/{roleId}</c>.</summary>
public sealed class CheckGrant(IdentityHttp http, AssignmentService assignments)
{
    [Function(nameof(CheckGrant))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "head", "get", Route = IdentityRoutes.V3 + "/{targets:regex(^(projects|domains)$)}/{targetId}/{actors:regex(^(users|groups)$)}/{actorId}/roles/{roleId}")] HttpRequest req,
        string targets, string targetId, string actors, string actorId, string roleId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                await assignments.CheckAsync(caller, GrantTarget.FromRoute(targets, targetId, actors, actorId, roleId), cancellationToken);
                return IdentityHttp.NoContent();
            }, cancellationToken);
}
