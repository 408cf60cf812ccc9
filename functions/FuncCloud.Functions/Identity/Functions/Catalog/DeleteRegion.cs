using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Catalog;

/// <summary><c>DELETE /v3/regions/{id}</c>.</summary>
public sealed class DeleteRegion(IdentityHttp http, CatalogAdminService catalog)
{
    [Function(nameof(DeleteRegion))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = IdentityRoutes.V3 + "/regions/{regionId}")] HttpRequest req,
        string regionId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                await catalog.DeleteAsync(caller, IdentityKinds.Region, regionId, cancellationToken);
                return IdentityHttp.NoContent();
            }, cancellationToken);
}
