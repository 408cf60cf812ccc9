using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Assignments;

/// <summary><c>DELETE /v3/system/{users|groups}/{id}/roles/{roleId}</c>.</summary>
public sealed class RevokeSystemGrant(IdentityHttp http, AssignmentService assignments)
{
    [Function(nameof(RevokeSystemGrant))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = IdentityRoutes.V3 + "/system/{actors:regex(^(users|groups)$)}/{actorId}/roles/{roleId}")] HttpRequest req,
        string actors, string actorId, string roleId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                await assignments.RevokeAsync(caller, GrantTarget.FromRoute(TargetTypes.System, TargetTypes.SystemAll, actors, actorId, roleId), cancellationToken);
                return IdentityHttp.NoContent();
            }, cancellationToken);
}
