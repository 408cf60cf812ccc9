using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Resources;

/// <summary><c>GET /v2.0/{collection}</c>: the visible resources, filtered, sorted, paged and projected.</summary>
public sealed class ListResources(NeutronHttp http, ResourceRegistry registry)
{
    [Function(nameof(ListResources))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.Collection)] HttpRequest req,
        string collection, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            var kind = registry.Get(collection);
            var visible = await kind.ListVisibleAsync(caller, cancellationToken);
            return NeutronHttp.Json(ResourceListQuery.Page(kind, visible.Select(d => kind.Render(caller, d)), req.Query, NeutronDiscovery.CollectionUrl(req, kind.Path)));
        }, cancellationToken);
}
