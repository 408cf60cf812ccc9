using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Roles;

/// <summary><c>GET /v3/roles/{priorRoleId}/implies</c>.</summary>
public sealed class ListImpliedRoles(IdentityHttp http, RoleService roles)
{
    [Function(nameof(ListImpliedRoles))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/roles/{priorRoleId}/implies")] HttpRequest req,
        string priorRoleId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                var (prior, implies) = await roles.ListImplicationsAsync(caller, priorRoleId, cancellationToken);
                return ImpliedRoleWire.List(req, prior, implies);
            }, cancellationToken);
}
