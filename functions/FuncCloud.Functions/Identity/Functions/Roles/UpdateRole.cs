using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Roles;

/// <summary><c>PATCH /v3/roles/{roleId}</c>.</summary>
public sealed class UpdateRole(IdentityHttp http, RoleService roles)
{
    [Function(nameof(UpdateRole))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = IdentityRoutes.V3 + "/roles/{roleId}")] HttpRequest req,
        string roleId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, "role", async (caller, body) =>
            {
                var x = await roles.UpdateAsync(caller, roleId, body, cancellationToken);
                return IdentityWire.Entity(req, "role", "roles", x.Id, x);
            }, cancellationToken);
}
