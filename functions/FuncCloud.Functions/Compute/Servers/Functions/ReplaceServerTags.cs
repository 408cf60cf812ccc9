using System.Text.Json.Nodes;
using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>PUT /servers/{server_id}/tags</c> (2.26): replace all tags.</summary>
public sealed class ReplaceServerTags(NovaHttp http, ServerMetadataService metadata)
{
    [Function(nameof(ReplaceServerTags))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ServerWire.Collection + "/{serverId}/tags")] HttpRequest req, string serverId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
        {
            ServerMetadataService.RequireTagsApi(call);
            var tags = Shared.OpenStack.JsonRequest.OptionalStringList(body, "tags") ?? throw new Shared.OpenStack.Errors.BadRequestException("'tags' is a required property");
            var server = await metadata.SetTagsAsync(call, serverId, tags, cancellationToken);
            return NovaHttp.Member("tags", new JsonArray([.. server.Tags.Select(t => (JsonNode)t)]));
        }, cancellationToken);
}
