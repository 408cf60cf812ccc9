using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Resources;

/// <summary><c>GET /v2.0/{collection}/{id}</c> (with <c>fields=</c>).</summary>
public sealed class ShowResource(NeutronHttp http, ResourceRegistry registry)
{
    [Function(nameof(ShowResource))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NeutronRoutes.Resource)] HttpRequest req,
        string collection, string id, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            var kind = registry.Get(collection);
            var stored = await kind.RequireAsync(caller, Trim(id), cancellationToken);
            var shown = ResourceListQuery.Project(kind.Render(caller, stored.Body), ResourceListQuery.Fields(req.Query));
            return NeutronHttp.Json(new JsonObject { [kind.Singular] = shown });
        }, cancellationToken);

    private static string Trim(string id) => id.EndsWith(".json", StringComparison.Ordinal) ? id[..^5] : id;
}
