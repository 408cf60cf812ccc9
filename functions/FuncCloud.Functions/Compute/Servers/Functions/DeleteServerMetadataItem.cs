using System.Text.Json.Nodes;
using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>DELETE /servers/{server_id}/metadata/{key}</c>: 204.</summary>
public sealed class DeleteServerMetadataItem(NovaHttp http, ServerMetadataService metadata)
{
    [Function(nameof(DeleteServerMetadataItem))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ServerWire.Collection + "/{serverId}/metadata" + "/{key}")] HttpRequest req, string serverId, string key, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            await metadata.DeleteMetadataItemAsync(call, serverId, key, cancellationToken);
            return NovaHttp.Empty(StatusCodes.Status204NoContent);
        }, cancellationToken);
}
