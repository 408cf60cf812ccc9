using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Attachments;

/// <summary><c>GET /attachments/detail</c> (3.27+): the detail view of the visible attachments, filtered and paged.</summary>
public sealed class ListCinderAttachmentsDetail(CinderHttp http, VolumeAttachmentService attachments)
{
    [Function(nameof(ListCinderAttachmentsDetail))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/attachments/detail")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            var page = VolumePaging.Apply(call, await attachments.ListAsync(call, cancellationToken), f => f.Attachment.Id, AttachmentWire.SortKey, AttachmentWire.SortKeys, "attachments/detail");
            return CinderHttp.Json(VolumePaging.Render(call, "attachments", page, f => AttachmentWire.View(f, detail: true)));
        }, cancellationToken);
}
