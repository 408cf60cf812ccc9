using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Catalog;

/// <summary><c>PATCH /v3/endpoints/{id}</c>.</summary>
public sealed class UpdateEndpoint(IdentityHttp http, CatalogAdminService catalog)
{
    [Function(nameof(UpdateEndpoint))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = IdentityRoutes.V3 + "/endpoints/{endpointId}")] HttpRequest req,
        string endpointId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, "endpoint", async (caller, body) =>
            {
                var x = await catalog.UpdateAsync<Endpoint>(caller, IdentityKinds.Endpoint, endpointId, body, CatalogUpdates.Endpoint, cancellationToken);
                return IdentityWire.Entity(req, "endpoint", "endpoints", x.Id, x);
            }, cancellationToken);
}
