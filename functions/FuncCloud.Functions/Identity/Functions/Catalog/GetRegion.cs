using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Catalog;

/// <summary><c>GET /v3/regions/{id}</c>.</summary>
public sealed class GetRegion(IdentityHttp http, CatalogAdminService catalog)
{
    [Function(nameof(GetRegion))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/regions/{regionId}")] HttpRequest req,
        string regionId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                var x = await catalog.GetAsync<Region>(caller, IdentityKinds.Region, regionId, cancellationToken);
                return IdentityWire.Entity(req, "region", "regions", x.Id, x);
            }, cancellationToken);
}
