using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Roles;

/// <summary><c>DELETE /v3/roles/{roleId}</c>.</summary>
public sealed class DeleteRole(IdentityHttp http, RoleService roles)
{
    [Function(nameof(DeleteRole))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = IdentityRoutes.V3 + "/roles/{roleId}")] HttpRequest req,
        string roleId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                await roles.DeleteAsync(caller, roleId, cancellationToken);
                return IdentityHttp.NoContent();
            }, cancellationToken);
}
