using System.Text.Json.Nodes;
using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>DELETE /servers/{server_id}/tags/{tag}</c> (2.26): 204 or 404.</summary>
public sealed class DeleteServerTag(NovaHttp http, ServerMetadataService metadata)
{
    [Function(nameof(DeleteServerTag))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ServerWire.Collection + "/{serverId}/tags" + "/{tag}")] HttpRequest req, string serverId, string tag, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            ServerMetadataService.RequireTagsApi(call);
            await metadata.DeleteTagAsync(call, serverId, tag, cancellationToken);
            return NovaHttp.Empty(StatusCodes.Status204NoContent);
        }, cancellationToken);
}
