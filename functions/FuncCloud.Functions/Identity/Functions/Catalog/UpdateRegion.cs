using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Catalog;

/// <summary><c>PATCH /v3/regions/{id}</c>.</summary>
public sealed class UpdateRegion(IdentityHttp http, CatalogAdminService catalog)
{
    [Function(nameof(UpdateRegion))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = IdentityRoutes.V3 + "/regions/{regionId}")] HttpRequest req,
        string regionId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, "region", async (caller, body) =>
            {
                var x = await catalog.UpdateAsync<Region>(caller, IdentityKinds.Region, regionId, body, CatalogUpdates.Region, cancellationToken);
                return IdentityWire.Entity(req, "region", "regions", x.Id, x);
            }, cancellationToken);
}
