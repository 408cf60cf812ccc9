using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Tags;

/// <summary><c>PUT /v2.0/{collection}/{id}/tags/{tag}</c>: 201, adding one tag.</summary>
public sealed class AddTag(NeutronHttp http, ResourceRegistry registry)
{
    [Function(nameof(AddTag))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = NeutronRoutes.Tag)] HttpRequest req,
        string collection, string id, string tag, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            TagRules.Validate([tag]);
            await registry.Taggable(collection).ChangeTagsAsync(caller, id, tags => [.. tags, tag], cancellationToken);
            return Results.StatusCode(StatusCodes.Status201Created);
        }, cancellationToken);
}
