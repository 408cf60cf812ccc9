using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Tags;

/// <summary><c>PUT /v2.0/{collection}/{id}/tags</c> with <c>{"tags": [...]}</c>: replaces every tag.</summary>
public sealed class ReplaceTags(NeutronHttp http, ResourceRegistry registry)
{
    [Function(nameof(ReplaceTags))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = NeutronRoutes.Tags)] HttpRequest req,
        string collection, string id, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) =>
        {
            var tags = body.Strings("tags") ?? throw NeutronException.BadRequest("Invalid tags body: 'tags' must be a list of strings.", "HTTPBadRequest");
            TagRules.Validate(tags);
            var updated = await registry.Taggable(collection).ChangeTagsAsync(caller, id, _ => tags, cancellationToken);
            return NeutronHttp.Json(new JsonObject { ["tags"] = updated["tags"]!.DeepClone() });
        }, cancellationToken);
}
