using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.VolumeAttachments;

/// <summary><c>GET /servers/{server_id}/os-volume_attachments/{volume_id}</c>.</summary>
public sealed class GetVolumeAttachment(NovaHttp http, ServerVolumeService service)
{
    [Function(nameof(GetVolumeAttachment))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeAttachmentWire.Collection + "/{volumeId}")] HttpRequest req,
        string serverId,
        string volumeId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
            NovaHttp.Member("volumeAttachment", VolumeAttachmentWire.View(call.Version, serverId, await service.GetAsync(call, serverId, volumeId, cancellationToken))),
            cancellationToken);
}
