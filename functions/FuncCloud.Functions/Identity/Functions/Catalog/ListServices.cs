using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Catalog;

/// <summary><c>GET /v3/services</c>.</summary>
public sealed class ListServices(IdentityHttp http, CatalogAdminService catalog)
{
    [Function(nameof(ListServices))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/services")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
                IdentityWire.Collection(req, "services", CatalogFilters.Services(req, await catalog.ListAsync<CatalogService>(caller, IdentityKinds.Service, cancellationToken)).Select(x => (x.Id, x))), cancellationToken);
}
