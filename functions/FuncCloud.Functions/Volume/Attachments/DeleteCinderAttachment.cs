using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Attachments;

/// <summary><c>DELETE /attachments/{id}</c> (3.27+): removes the attachment and its export; 200 with the volume's attachments left.</summary>
public sealed class DeleteCinderAttachment(CinderHttp http, VolumeAttachmentService attachments)
{
    [Function(nameof(DeleteCinderAttachment))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = VolumeRoutes.Project + "/attachments/{attachmentId}")] HttpRequest req,
        string projectId,
        string attachmentId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
            CinderHttp.Json(AttachmentWire.List(await attachments.DeleteAsync(call, attachmentId, durable, cancellationToken), detail: false)), cancellationToken);
}
