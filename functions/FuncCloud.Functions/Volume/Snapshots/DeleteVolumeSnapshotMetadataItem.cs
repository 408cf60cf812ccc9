using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Snapshots;

/// <summary><c>DELETE /snapshots/{snapshot_id}/metadata/{key}</c>.</summary>
public sealed class DeleteVolumeSnapshotMetadataItem(CinderHttp http, SnapshotService service)
{
    [Function(nameof(DeleteVolumeSnapshotMetadataItem))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = VolumeRoutes.Project + "/snapshots/{snapshotId}/metadata/{key}")] HttpRequest req,
        string projectId,
        string snapshotId,
        string key,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            await service.DeleteMetadataAsync(call, snapshotId, key, cancellationToken);
            return CinderHttp.Empty(StatusCodes.Status200OK);
        }, cancellationToken);
}
