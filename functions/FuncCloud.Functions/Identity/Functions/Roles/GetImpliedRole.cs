using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Roles;

/// <summary><c>GET|HEAD /v3/roles/{priorRoleId}/implies/{impliedRoleId}</c>.</summary>
public sealed class GetImpliedRole(IdentityHttp http, RoleService roles)
{
    [Function(nameof(GetImpliedRole))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = IdentityRoutes.V3 + "/roles/{priorRoleId}/implies/{impliedRoleId}")] HttpRequest req,
        string priorRoleId, string impliedRoleId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                var (prior, implied) = await roles.GetImplicationAsync(caller, priorRoleId, impliedRoleId, cancellationToken);
                return ImpliedRoleWire.Single(req, prior, implied, StatusCodes.Status200OK);
            }, cancellationToken);
}
