using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Attachments;

/// <summary><c>PUT /attachments/{id}</c> (3.27+) with a connector: the storage node exports the volume; 200 with the connection info.</summary>
public sealed class UpdateCinderAttachment(CinderHttp http, VolumeAttachmentService attachments)
{
    [Function(nameof(UpdateCinderAttachment))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = VolumeRoutes.Project + "/attachments/{attachmentId}")] HttpRequest req,
        string projectId,
        string attachmentId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
            CinderHttp.Member("attachment", AttachmentWire.Detail(await attachments.UpdateAsync(call, attachmentId, body, durable, cancellationToken))), cancellationToken);
}
