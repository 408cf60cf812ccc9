using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Resources;

/// <summary>
/// <c>POST /v2.0/{collection}</c>: 201 with the new resource (<c>{"network": {...}}</c>), or neutron's bulk
/// create (<c>{"networks": [{...}, ...]}</c>, 201 with all of them or none).
/// </summary>
public sealed class CreateResource(NeutronHttp http, ResourceRegistry registry)
{
    [Function(nameof(CreateResource))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = NeutronRoutes.Collection)] HttpRequest req,
        string collection, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) =>
        {
            var kind = registry.Get(collection);
            if (body[kind.Collection] is JsonArray bulk && !body.ContainsKey(kind.Singular))
            {
                var all = await kind.CreateBulkAsync(caller, bulk, cancellationToken);
                return NeutronHttp.Json(new JsonObject { [kind.Collection] = new JsonArray(all.Select(c => (JsonNode?)kind.Render(caller, c)).ToArray()) }, StatusCodes.Status201Created);
            }

            var created = await kind.CreateAsync(caller, NeutronHttp.Envelope(body, kind.Singular), cancellationToken);
            return NeutronHttp.Json(new JsonObject { [kind.Singular] = kind.Render(caller, created) }, StatusCodes.Status201Created);
        }, cancellationToken);
}
