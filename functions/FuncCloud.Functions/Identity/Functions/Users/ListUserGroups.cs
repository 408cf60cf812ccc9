using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Users;

/// <summary><c>GET /v3/users/{userId}/groups</c>.</summary>
public sealed class ListUserGroups(IdentityHttp http, GroupService groups)
{
    [Function(nameof(ListUserGroups))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/users/{userId}/groups")] HttpRequest req,
        string userId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
                IdentityWire.Collection(req, "groups", (await groups.ListForUserAsync(caller, userId, cancellationToken)).Select(x => (x.Id, x))), cancellationToken);
}
