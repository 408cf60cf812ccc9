using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Resources;

/// <summary><c>PUT /v2.0/{collection}/{id}</c>, honouring <c>If-Match: revision_number=N</c> (412 on mismatch).</summary>
public sealed class UpdateResource(NeutronHttp http, ResourceRegistry registry)
{
    [Function(nameof(UpdateResource))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = NeutronRoutes.Resource)] HttpRequest req,
        string collection, string id, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) =>
        {
            var kind = registry.Get(collection);
            var updated = await kind.UpdateAsync(caller, id, NeutronHttp.Envelope(body, kind.Singular), NeutronHttp.IfMatchRevision(req), cancellationToken);
            return NeutronHttp.Json(new JsonObject { [kind.Singular] = kind.Render(caller, updated) });
        }, cancellationToken);
}
