using System.Text.Json.Nodes;
using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>GET /servers/{server_id}/tags/{tag}</c> (2.26): 204 or 404.</summary>
public sealed class CheckServerTag(NovaHttp http, ServerQueries queries)
{
    [Function(nameof(CheckServerTag))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ServerWire.Collection + "/{serverId}/tags" + "/{tag}")] HttpRequest req, string serverId, string tag, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            ServerMetadataService.RequireTagsApi(call);
            return (await queries.GetAsync(call, serverId, ServerPolicies.TagsShow, cancellationToken)).Tags.Contains(tag)
                ? NovaHttp.Empty(StatusCodes.Status204NoContent)
                : throw new TagNotFoundException(serverId, tag);
        }, cancellationToken);
}
