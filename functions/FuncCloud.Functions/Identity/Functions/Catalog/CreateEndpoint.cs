using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Catalog;

/// <summary><c>POST /v3/endpoints</c>.</summary>
public sealed class CreateEndpoint(IdentityHttp http, CatalogAdminService catalog)
{
    [Function(nameof(CreateEndpoint))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = IdentityRoutes.V3 + "/endpoints")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, "endpoint", async (caller, body) =>
            {
                var x = await catalog.CreateEndpointAsync(caller, body, cancellationToken);
                return IdentityWire.Entity(req, "endpoint", "endpoints", x.Id, x, StatusCodes.Status201Created);
            }, cancellationToken);
}
