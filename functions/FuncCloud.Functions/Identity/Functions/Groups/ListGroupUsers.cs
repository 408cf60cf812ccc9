using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Groups;

/// <summary><c>GET /v3/groups/{groupId}/users</c>.</summary>
public sealed class ListGroupUsers(IdentityHttp http, GroupService groups)
{
    [Function(nameof(ListGroupUsers))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/groups/{groupId}/users")] HttpRequest req,
        string groupId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
                IdentityWire.Collection(req, "users", (await groups.ListMembersAsync(caller, groupId, cancellationToken)).Select(x => (x.Id, UserView.From(x)))), cancellationToken);
}
