using FuncCloud.Functions.Identity.Api;
using FuncCloud.Functions.Identity.Model;
using FuncCloud.Functions.Identity.Services;
using FuncCloud.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Endpoint = FuncCloud.Functions.Identity.Model.Endpoint;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Identity.Functions.Catalog;

/// <summary><c>POST /v3/services</c>.</summary>
public sealed class CreateService(IdentityHttp http, CatalogAdminService catalog)
{
    [Function(nameof(CreateService))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = IdentityRoutes.V3 + "/services")] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, "service", async (caller, body) =>
            {
                var x = await catalog.CreateServiceAsync(caller, body, cancellationToken);
                return IdentityWire.Entity(req, "service", "services", x.Id, x, StatusCodes.Status201Created);
            }, cancellationToken);
}
