using System.Text.Json.Nodes;
using FuncCloud.Functions.Compute.Servers.Api;
using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Servers.Functions;

/// <summary><c>PUT /servers/{server_id}/tags/{tag}</c> (2.26): 201 when added, 204 when present.</summary>
public sealed class AddServerTag(NovaHttp http, ServerMetadataService metadata)
{
    [Function(nameof(AddServerTag))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ServerWire.Collection + "/{serverId}/tags" + "/{tag}")] HttpRequest req, string serverId, string tag, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            ServerMetadataService.RequireTagsApi(call);
            var added = await metadata.AddTagAsync(call, serverId, tag, cancellationToken);
            // Escaped: a tag may be any printable text, and a header must be ASCII (an unescaped tag threw after the save).
            req.HttpContext.Response.Headers.Location = $"{ComputeRoutes.V21Url(req)}/servers/{Uri.EscapeDataString(serverId)}/tags/{Uri.EscapeDataString(tag)}";
            return NovaHttp.Empty(added ? StatusCodes.Status201Created : StatusCodes.Status204NoContent);
        }, cancellationToken);
}
