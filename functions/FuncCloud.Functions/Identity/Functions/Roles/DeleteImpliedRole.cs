using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Roles;

/// <summary><c>DELETE /v3/roles/{priorRoleId}/implies/{impliedRoleId}</c>.</summary>
public sealed class DeleteImpliedRole(IdentityHttp http, RoleService roles)
{
    [Function(nameof(DeleteImpliedRole))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = IdentityRoutes.V3 + "/roles/{priorRoleId}/implies/{impliedRoleId}")] HttpRequest req,
        string priorRoleId, string impliedRoleId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                await roles.DeleteImplicationAsync(caller, priorRoleId, impliedRoleId, cancellationToken);
                return IdentityHttp.NoContent();
            }, cancellationToken);
}
