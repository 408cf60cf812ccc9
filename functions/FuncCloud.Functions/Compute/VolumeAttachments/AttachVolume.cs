using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Compute.VolumeAttachments;

/// <summary><c>POST /servers/{server_id}/os-volume_attachments</c>: 200 with the reserved device; the attach runs as a workflow.</summary>
public sealed class AttachVolume(NovaHttp http, ServerVolumeService service)
{
    [Function(nameof(AttachVolume))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = VolumeAttachmentWire.Collection)] HttpRequest req,
        string serverId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
            NovaHttp.Member("volumeAttachment", VolumeAttachmentWire.View(call.Version, serverId, await service.AttachAsync(call, serverId, body, durable, cancellationToken))),
            cancellationToken);
}
