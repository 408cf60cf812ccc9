using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Roles;

/// <summary><c>POST /v3/roles</c>.</summary>
public sealed class CreateRole(IdentityHttp http, RoleService roles)
{
    [Function(nameof(CreateRole))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = IdentityRoutes.V3 + "/roles")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, "role", async (caller, body) =>
            {
                var x = await roles.CreateAsync(caller, body, cancellationToken);
                return IdentityWire.Entity(req, "role", "roles", x.Id, x, StatusCodes.Status201Created);
            }, cancellationToken);
}
