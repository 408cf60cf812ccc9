using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Resources;

/// <summary><c>DELETE /v2.0/{collection}/{id}</c>: 204, or 409 when in use.</summary>
public sealed class DeleteResource(NeutronHttp http, ResourceRegistry registry)
{
    [Function(nameof(DeleteResource))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = NeutronRoutes.Resource)] HttpRequest req,
        string collection, string id, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            await registry.Get(collection).DeleteAsync(caller, id, cancellationToken);
            return NeutronHttp.NoContent();
        }, cancellationToken);
}
