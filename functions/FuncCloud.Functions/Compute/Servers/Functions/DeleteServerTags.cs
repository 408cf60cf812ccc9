using System.Text.Json.Nodes;
using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>DELETE /servers/{server_id}/tags</c> (2.26): 204.</summary>
public sealed class DeleteServerTags(NovaHttp http, ServerMetadataService metadata)
{
    [Function(nameof(DeleteServerTags))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ServerWire.Collection + "/{serverId}/tags")] HttpRequest req, string serverId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            ServerMetadataService.RequireTagsApi(call);
            await metadata.DeleteTagAsync(call, serverId, null, cancellationToken);
            return NovaHttp.Empty(StatusCodes.Status204NoContent);
        }, cancellationToken);
}
