using System.Text.Json.Nodes;
using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>PUT /servers/{server_id}/metadata</c>: replace all items.</summary>
public sealed class ReplaceServerMetadata(NovaHttp http, ServerMetadataService metadata)
{
    [Function(nameof(ReplaceServerMetadata))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ServerWire.Collection + "/{serverId}/metadata")] HttpRequest req, string serverId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
            NovaHttp.Member("metadata", ServerWire.Metadata((await metadata.SetMetadataAsync(call, serverId, body["metadata"] as JsonObject, true, cancellationToken)).Metadata)), cancellationToken);
}
