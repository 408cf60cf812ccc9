using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Roles;

/// <summary><c>GET /v3/roles/{roleId}</c>.</summary>
public sealed class GetRole(IdentityHttp http, RoleService roles)
{
    [Function(nameof(GetRole))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/roles/{roleId}")] HttpRequest req,
        string roleId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                var x = await roles.GetAsync(caller, roleId, cancellationToken);
                return IdentityWire.Entity(req, "role", "roles", x.Id, x);
            }, cancellationToken);
}
