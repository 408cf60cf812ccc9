using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Snapshots;

/// <summary><c>PUT /snapshots/{snapshot_id}/metadata</c>: replaces all keys.</summary>
public sealed class ReplaceVolumeSnapshotMetadata(CinderHttp http, SnapshotService service)
{
    [Function(nameof(ReplaceVolumeSnapshotMetadata))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = VolumeRoutes.Project + "/snapshots/{snapshotId}/metadata")] HttpRequest req,
        string projectId,
        string snapshotId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
            CinderHttp.Member("metadata", VolumeWire.Map((await service.SetMetadataAsync(call, snapshotId, body, replace: true, cancellationToken)).Metadata)),
            cancellationToken);
}
