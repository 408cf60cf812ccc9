using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Attachments;

/// <summary><c>GET /attachments</c> (3.27+): the summary view of the visible attachments, filtered and paged.</summary>
public sealed class ListCinderAttachments(CinderHttp http, VolumeAttachmentService attachments)
{
    [Function(nameof(ListCinderAttachments))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/attachments")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            var page = VolumePaging.Apply(call, await attachments.ListAsync(call, cancellationToken), f => f.Attachment.Id, AttachmentWire.SortKey, AttachmentWire.SortKeys, "attachments");
            return CinderHttp.Json(VolumePaging.Render(call, "attachments", page, f => AttachmentWire.View(f, detail: false)));
        }, cancellationToken);
}
