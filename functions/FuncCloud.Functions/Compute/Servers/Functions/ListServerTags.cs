using System.Text.Json.Nodes;
using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>GET /servers/{server_id}/tags</c> (2.26).</summary>
public sealed class ListServerTags(NovaHttp http, ServerQueries queries)
{
    [Function(nameof(ListServerTags))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ServerWire.Collection + "/{serverId}/tags")] HttpRequest req, string serverId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            ServerMetadataService.RequireTagsApi(call);
            return NovaHttp.Member("tags", new JsonArray([.. (await queries.GetAsync(call, serverId, ServerPolicies.TagsIndex, cancellationToken)).Tags.Select(t => (JsonNode)t)]));
        }, cancellationToken);
}
