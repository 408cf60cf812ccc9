using System.Text.Json.Nodes;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.VolumeAttachments;

/// <summary><c>GET /servers/{server_id}/os-volume_attachments</c>.</summary>
public sealed class ListVolumeAttachments(NovaHttp http, ServerVolumeService service)
{
    [Function(nameof(ListVolumeAttachments))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeAttachmentWire.Collection)] HttpRequest req,
        string serverId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var (server, attachments) = await service.ListAsync(call, serverId, cancellationToken);
            return NovaHttp.Member("volumeAttachments", new JsonArray([.. attachments.Select(a => (JsonNode)VolumeAttachmentWire.View(call.Version, server.Id, a))]));
        }, cancellationToken);
}
