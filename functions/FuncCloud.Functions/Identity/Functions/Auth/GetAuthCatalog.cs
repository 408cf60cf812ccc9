using System.Text.Json.Nodes;
using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Auth;

/// <summary><c>GET /v3/auth/catalog</c>: the catalog of the caller's token.</summary>
public sealed class GetAuthCatalog(IdentityHttp http, TokenService tokens)
{
    [Function(nameof(GetAuthCatalog))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/auth/catalog")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            var catalog = caller.Scope == Shared.Security.ScopeType.Unscoped ? [] : TokenResponseBuilder.Catalog(await tokens.SnapshotAsync(cancellationToken), caller.ProjectId);
            return OpenStackHttp.Json(new JsonObject
            {
                ["catalog"] = System.Text.Json.JsonSerializer.SerializeToNode(catalog, OpenStackJson.Options),
                ["links"] = new JsonObject { ["self"] = $"{IdentityRoutes.V3Url(req)}/auth/catalog", ["previous"] = null, ["next"] = null },
            });
        }, cancellationToken);
}
