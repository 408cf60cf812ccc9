using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Assignments;

/// <summary><c>GET /v3/{projects|domains}/{id}/{users|groups}/{id}/roles</c>.</summary>
public sealed class ListGrants(IdentityHttp http, AssignmentService assignments)
{
    [Function(nameof(ListGrants))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/{targets:regex(^(projects|domains)$)}/{targetId}/{actors:regex(^(users|groups)$)}/{actorId}/roles")] HttpRequest req,
        string targets, string targetId, string actors, string actorId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                var grant = GrantTarget.FromRoute(targets, targetId, actors, actorId, string.Empty);
                var roles = await assignments.ListGrantsAsync(caller, grant.TargetType, grant.TargetId, grant.ActorType, grant.ActorId, cancellationToken);
                return IdentityWire.Collection(req, "roles", roles.Select(x => (x.Id, x)));
            }, cancellationToken);
}
