using System.Text.Json.Nodes;
using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Auth;

/// <summary><c>GET /v3/auth/system</c>: <c>[{"all": true}]</c> when the caller can scope to the system.</summary>
public sealed class GetAuthSystem(IdentityHttp http, TokenService tokens)
{
    [Function(nameof(GetAuthSystem))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/auth/system")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            var system = await tokens.HasSystemRoleAsync(caller.UserId, cancellationToken) ? new JsonArray(new JsonObject { ["all"] = true }) : [];
            return OpenStackHttp.Json(new JsonObject
            {
                ["system"] = system,
                ["links"] = new JsonObject { ["self"] = $"{IdentityRoutes.V3Url(req)}/auth/system", ["previous"] = null, ["next"] = null },
            });
        }, cancellationToken);
}
