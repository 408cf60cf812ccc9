using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Tags;

/// <summary><c>DELETE /v2.0/{collection}/{id}/tags/{tag}</c>: 204, or 404 <c>TagNotFound</c>.</summary>
public sealed class RemoveTag(NeutronHttp http, ResourceRegistry registry)
{
    [Function(nameof(RemoveTag))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = NeutronRoutes.Tag)] HttpRequest req,
        string collection, string id, string tag, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            await registry.Taggable(collection).ChangeTagsAsync(caller, id, tags => tags.Contains(tag)
                ? tags.Where(t => t != tag).ToList()
                : throw NeutronException.NotFound("TagNotFound", $"Tag {tag} could not be found for {collection} {id}."), cancellationToken);
            return NeutronHttp.NoContent();
        }, cancellationToken);
}
