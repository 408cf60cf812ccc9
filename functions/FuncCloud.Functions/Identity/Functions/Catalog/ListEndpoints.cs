using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Catalog;

/// <summary><c>GET /v3/endpoints</c>.</summary>
public sealed class ListEndpoints(IdentityHttp http, CatalogAdminService catalog)
{
    [Function(nameof(ListEndpoints))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/endpoints")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
                IdentityWire.Collection(req, "endpoints", CatalogFilters.Endpoints(req, await catalog.ListAsync<Endpoint>(caller, IdentityKinds.Endpoint, cancellationToken)).Select(x => (x.Id, x))), cancellationToken);
}
