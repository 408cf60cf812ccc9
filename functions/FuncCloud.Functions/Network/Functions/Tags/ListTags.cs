using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Tags;

/// <summary><c>GET /v2.0/{collection}/{id}/tags</c>: <c>{"tags": [...]}</c>.</summary>
public sealed class ListTags(NeutronHttp http, ResourceRegistry registry)
{
    [Function(nameof(ListTags))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.Tags)] HttpRequest req,
        string collection, string id, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            var stored = await registry.Taggable(collection).RequireAsync(caller, id, cancellationToken);
            return NeutronHttp.Json(new JsonObject { ["tags"] = stored.Body["tags"]?.DeepClone() ?? new JsonArray() });
        }, cancellationToken);
}
