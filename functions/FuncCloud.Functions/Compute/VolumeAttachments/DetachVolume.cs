using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Compute.VolumeAttachments;

/// <summary><c>DELETE /servers/{server_id}/os-volume_attachments/{volume_id}</c>: 202; the detach runs as a workflow.</summary>
public sealed class DetachVolume(NovaHttp http, ServerVolumeService service)
{
    [Function(nameof(DetachVolume))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = VolumeAttachmentWire.Collection + "/{volumeId}")] HttpRequest req,
        string serverId,
        string volumeId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            await service.DetachAsync(call, serverId, volumeId, durable, cancellationToken);
            return NovaHttp.Empty(StatusCodes.Status202Accepted);
        }, cancellationToken);
}
