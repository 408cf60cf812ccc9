using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Catalog;

/// <summary><c>POST /v3/regions</c>.</summary>
public sealed class CreateRegion(IdentityHttp http, CatalogAdminService catalog)
{
    [Function(nameof(CreateRegion))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = IdentityRoutes.V3 + "/regions")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, "region", async (caller, body) =>
            {
                var x = await catalog.CreateRegionAsync(caller, body, cancellationToken);
                return IdentityWire.Entity(req, "region", "regions", x.Id, x, StatusCodes.Status201Created);
            }, cancellationToken);
}
