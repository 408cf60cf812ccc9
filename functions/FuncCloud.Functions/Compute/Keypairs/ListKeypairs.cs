using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Keypairs;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Keypairs;

/// <summary><c>GET /os-keypairs</c>: the caller's keys (another user's with <c>user_id</c>, 2.10+ admin), paged from 2.35.</summary>
public sealed class ListKeypairs(NovaHttp http, KeypairService keypairs)
{
    [Function(nameof(ListKeypairs))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = KeypairWire.Collection)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var all = await keypairs.ListAsync(call, cancellationToken);
            var page = call.Version.IsAtLeast(2, 35) ? NovaPaging.Apply(req, all, k => k.Name, "os-keypairs") : new NovaPage<Keypair>(all, null);
            var json = new JsonObject
            {
                ["keypairs"] = new JsonArray(page.Items.Select(k => (JsonNode)new JsonObject { ["keypair"] = KeypairWire.Summary(call.Version, k) }).ToArray()),
            };
            if (page.Links is not null)
            {
                json["keypairs_links"] = page.Links;
            }

            return NovaHttp.Json(json);
        }, cancellationToken);
}
