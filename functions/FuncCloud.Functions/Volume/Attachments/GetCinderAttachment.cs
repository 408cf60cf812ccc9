using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Attachments;

/// <summary><c>GET /attachments/{id}</c> (3.27+): the detail view; another project's attachment is 404.</summary>
public sealed class GetCinderAttachment(CinderHttp http, VolumeAttachmentService attachments)
{
    [Function(nameof(GetCinderAttachment))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/attachments/{attachmentId}")] HttpRequest req,
        string projectId,
        string attachmentId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
            CinderHttp.Member("attachment", AttachmentWire.Detail(await attachments.GetAsync(call, attachmentId, VolumePolicies.Get, cancellationToken))), cancellationToken);
}
