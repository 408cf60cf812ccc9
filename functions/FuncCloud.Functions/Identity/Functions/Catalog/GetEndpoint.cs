using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Catalog;

/// <summary><c>GET /v3/endpoints/{id}</c>.</summary>
public sealed class GetEndpoint(IdentityHttp http, CatalogAdminService catalog)
{
    [Function(nameof(GetEndpoint))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/endpoints/{endpointId}")] HttpRequest req,
        string endpointId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                var x = await catalog.GetAsync<Endpoint>(caller, IdentityKinds.Endpoint, endpointId, cancellationToken);
                return IdentityWire.Entity(req, "endpoint", "endpoints", x.Id, x);
            }, cancellationToken);
}
