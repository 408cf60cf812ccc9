using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Catalog;

/// <summary><c>PATCH /v3/services/{id}</c>.</summary>
public sealed class UpdateService(IdentityHttp http, CatalogAdminService catalog)
{
    [Function(nameof(UpdateService))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = IdentityRoutes.V3 + "/services/{serviceId}")] HttpRequest req,
        string serviceId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, "service", async (caller, body) =>
            {
                var x = await catalog.UpdateAsync<CatalogService>(caller, IdentityKinds.Service, serviceId, body, CatalogUpdates.Service, cancellationToken);
                return IdentityWire.Entity(req, "service", "services", x.Id, x);
            }, cancellationToken);
}
