using System.Text.Json.Nodes;
using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>GET /servers/{server_id}/metadata</c>.</summary>
public sealed class ListServerMetadata(NovaHttp http, ServerQueries queries)
{
    [Function(nameof(ListServerMetadata))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ServerWire.Collection + "/{serverId}/metadata")] HttpRequest req, string serverId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
            NovaHttp.Member("metadata", ServerWire.Metadata((await queries.GetAsync(call, serverId, ServerPolicies.MetadataIndex, cancellationToken)).Metadata)), cancellationToken);
}
