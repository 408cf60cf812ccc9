using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Groups;

/// <summary><c>PUT /v3/groups/{groupId}/users/{userId}</c>.</summary>
public sealed class AddUserToGroup(IdentityHttp http, GroupService groups)
{
    [Function(nameof(AddUserToGroup))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = IdentityRoutes.V3 + "/groups/{groupId}/users/{userId}")] HttpRequest req,
        string groupId, string userId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                await groups.AddMemberAsync(caller, groupId, userId, cancellationToken);
                return IdentityHttp.NoContent();
            }, cancellationToken);
}
