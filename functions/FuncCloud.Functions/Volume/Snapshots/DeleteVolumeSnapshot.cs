using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Snapshots;

/// <summary><c>DELETE /snapshots/{snapshot_id}</c>: 202.</summary>
public sealed class DeleteVolumeSnapshot(CinderHttp http, SnapshotService service)
{
    [Function(nameof(DeleteVolumeSnapshot))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = VolumeRoutes.Project + "/snapshots/{snapshotId}")] HttpRequest req,
        string projectId,
        string snapshotId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            await service.DeleteAsync(call, snapshotId, durable, cancellationToken);
            return CinderHttp.Empty(StatusCodes.Status202Accepted);
        }, cancellationToken);
}
