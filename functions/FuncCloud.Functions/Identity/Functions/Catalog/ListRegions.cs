using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Catalog;

/// <summary><c>GET /v3/regions</c>.</summary>
public sealed class ListRegions(IdentityHttp http, CatalogAdminService catalog)
{
    [Function(nameof(ListRegions))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/regions")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
                IdentityWire.Collection(req, "regions", CatalogFilters.Regions(req, await catalog.ListAsync<Region>(caller, IdentityKinds.Region, cancellationToken)).Select(x => (x.Id, x))), cancellationToken);
}
