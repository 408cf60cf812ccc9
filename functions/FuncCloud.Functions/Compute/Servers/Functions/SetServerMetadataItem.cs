using System.Text.Json.Nodes;
using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>PUT /servers/{server_id}/metadata/{key}</c>.</summary>
public sealed class SetServerMetadataItem(NovaHttp http, ServerMetadataService metadata)
{
    [Function(nameof(SetServerMetadataItem))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ServerWire.Collection + "/{serverId}/metadata" + "/{key}")] HttpRequest req, string serverId, string key, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
        {
            var server = await metadata.SetMetadataItemAsync(call, serverId, key, body["meta"] as JsonObject, cancellationToken);
            return NovaHttp.Member("meta", new JsonObject { [key] = server.Metadata[key] });
        }, cancellationToken);
}
