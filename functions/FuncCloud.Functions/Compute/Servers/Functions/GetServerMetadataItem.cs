using System.Text.Json.Nodes;
using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>GET /servers/{server_id}/metadata/{key}</c>.</summary>
public sealed class GetServerMetadataItem(NovaHttp http, ServerQueries queries)
{
    [Function(nameof(GetServerMetadataItem))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ServerWire.Collection + "/{serverId}/metadata" + "/{key}")] HttpRequest req, string serverId, string key, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
            (await queries.GetAsync(call, serverId, ServerPolicies.MetadataShow, cancellationToken)).Metadata.TryGetValue(key, out var value)
                ? NovaHttp.Member("meta", new JsonObject { [key] = value })
                : throw new MetadataItemNotFoundException(), cancellationToken);
}
