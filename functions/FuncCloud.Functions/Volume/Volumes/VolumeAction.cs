using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Volumes;

/// <summary><c>POST /volumes/{volume_id}/action</c>: os-extend, os-reset_status, os-set_bootable, os-update_readonly_flag, os-force_delete, os-reserve, os-unreserve, os-attach, os-begin_detaching, os-roll_detaching, os-detach.</summary>
public sealed class VolumeAction(CinderHttp http, VolumeActionHandler actions)
{
    [Function(nameof(VolumeAction))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = VolumeRoutes.Project + "/volumes/{volumeId}/action")] HttpRequest req,
        string projectId,
        string volumeId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, (call, body) => actions.HandleAsync(call, volumeId, body, durable, cancellationToken), cancellationToken);
}
