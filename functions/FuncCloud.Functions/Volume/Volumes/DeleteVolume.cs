using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Volumes;

/// <summary><c>DELETE /volumes/{volume_id}[?cascade=true]</c>: 202; attached volumes or volumes with snapshots are refused with the reason.</summary>
public sealed class DeleteVolume(CinderHttp http, VolumeService service)
{
    [Function(nameof(DeleteVolume))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = VolumeRoutes.Project + "/volumes/{volumeId}")] HttpRequest req,
        string projectId,
        string volumeId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            await service.DeleteAsync(call, volumeId, call.Query("cascade") is { } c && c.Equals("true", StringComparison.OrdinalIgnoreCase), force: false, durable, cancellationToken);
            return CinderHttp.Empty(StatusCodes.Status202Accepted);
        }, cancellationToken);
}
