using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Attachments;

/// <summary><c>POST /attachments</c> (3.27+): reserve the volume (with a connector: export it too); 200 with the detail view.</summary>
public sealed class CreateCinderAttachment(CinderHttp http, VolumeAttachmentService attachments)
{
    [Function(nameof(CreateCinderAttachment))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = VolumeRoutes.Project + "/attachments")] HttpRequest req,
        string projectId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
            CinderHttp.Member("attachment", AttachmentWire.Detail(await attachments.CreateAsync(call, body, durable, cancellationToken))), cancellationToken);
}
