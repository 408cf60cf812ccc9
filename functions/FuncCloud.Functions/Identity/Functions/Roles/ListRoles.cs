using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Roles;

/// <summary><c>GET /v3/roles</c> with filters.</summary>
public sealed class ListRoles(IdentityHttp http, RoleService roles)
{
    [Function(nameof(ListRoles))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/roles")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
                IdentityWire.Collection(req, "roles", (await roles.ListAsync(caller, IdentityWire.Query(req, "name"), IdentityWire.Query(req, "domain_id"), cancellationToken)).Select(x => (x.Id, x))), cancellationToken);
}
