using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Tags;

/// <summary><c>GET /v2.0/{collection}/{id}/tags/{tag}</c> (confirm a tag): 204 when set, 404 <c>TagNotFound</c> otherwise.</summary>
public sealed class CheckTag(NeutronHttp http, ResourceRegistry registry)
{
    [Function(nameof(CheckTag))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.Tag)] HttpRequest req,
        string collection, string id, string tag, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            var stored = await registry.Taggable(collection).RequireAsync(caller, id, cancellationToken);
            return (stored.Body.Strings("tags") ?? []).Contains(tag)
                ? NeutronHttp.NoContent()
                : throw NeutronException.NotFound("TagNotFound", $"Tag {tag} could not be found for {collection} {id}.");
        }, cancellationToken);
}
