using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Groups;

/// <summary><c>HEAD /v3/groups/{groupId}/users/{userId}</c>: 204 when a member, 404 otherwise.</summary>
public sealed class CheckUserInGroup(IdentityHttp http, GroupService groups)
{
    [Function(nameof(CheckUserInGroup))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "head", "get", Route = IdentityRoutes.V3 + "/groups/{groupId}/users/{userId}")] HttpRequest req,
        string groupId, string userId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                await groups.CheckMemberAsync(caller, groupId, userId, cancellationToken);
                return IdentityHttp.NoContent();
            }, cancellationToken);
}
