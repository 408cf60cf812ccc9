using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Tags;

/// <summary><c>DELETE /v2.0/{collection}/{id}/tags</c>: 204, every tag removed.</summary>
public sealed class RemoveAllTags(NeutronHttp http, ResourceRegistry registry)
{
    [Function(nameof(RemoveAllTags))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = NeutronRoutes.Tags)] HttpRequest req,
        string collection, string id, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            await registry.Taggable(collection).ChangeTagsAsync(caller, id, _ => [], cancellationToken);
            return NeutronHttp.NoContent();
        }, cancellationToken);
}
