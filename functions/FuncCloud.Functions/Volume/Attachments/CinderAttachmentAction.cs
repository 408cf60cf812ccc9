using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Attachments;

/// <summary><c>POST /attachments/{id}/action</c>: <c>os-complete</c> (3.44+) marks the attachment attached and the volume in-use; 204.</summary>
public sealed class CinderAttachmentAction(CinderHttp http, VolumeAttachmentService attachments)
{
    [Function(nameof(CinderAttachmentAction))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = VolumeRoutes.Project + "/attachments/{attachmentId}/action")] HttpRequest req,
        string projectId,
        string attachmentId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
        {
            if (body.Count != 1 || !body.ContainsKey("os-complete"))
            {
                throw new Shared.OpenStack.Errors.BadRequestException($"There is no such action: {string.Join(", ", body.Select(p => p.Key))}");
            }

            await attachments.CompleteAsync(call, attachmentId, cancellationToken);
            return CinderHttp.Empty(StatusCodes.Status204NoContent);
        }, cancellationToken);
}
