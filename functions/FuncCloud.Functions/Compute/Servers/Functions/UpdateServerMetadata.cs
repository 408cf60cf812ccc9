using System.Text.Json.Nodes;
using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>POST /servers/{server_id}/metadata</c>: merge items.</summary>
public sealed class UpdateServerMetadata(NovaHttp http, ServerMetadataService metadata)
{
    [Function(nameof(UpdateServerMetadata))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ServerWire.Collection + "/{serverId}/metadata")] HttpRequest req, string serverId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
            NovaHttp.Member("metadata", ServerWire.Metadata((await metadata.SetMetadataAsync(call, serverId, body["metadata"] as JsonObject, false, cancellationToken)).Metadata)), cancellationToken);
}
