using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Catalog;

/// <summary><c>GET /v3/services/{id}</c>.</summary>
public sealed class GetService(IdentityHttp http, CatalogAdminService catalog)
{
    [Function(nameof(GetService))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IdentityRoutes.V3 + "/services/{serviceId}")] HttpRequest req,
        string serviceId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
            {
                var x = await catalog.GetAsync<CatalogService>(caller, IdentityKinds.Service, serviceId, cancellationToken);
                return IdentityWire.Entity(req, "service", "services", x.Id, x);
            }, cancellationToken);
}
