using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Users;

/// <summary><c>GET /v3/users</c> with filters.</summary>
public sealed class ListUsers(IdentityHttp http, UserService users)
{
    [Function(nameof(ListUsers))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/users")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
                IdentityWire.Collection(req, "users", (await users.ListAsync(caller, IdentityWire.Query(req, "name"), IdentityWire.Query(req, "domain_id"), IdentityWire.QueryBool(req, "enabled"), cancellationToken)).Select(x => (x.Id, UserView.From(x)))), cancellationToken);
}
