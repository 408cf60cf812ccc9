using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Snapshots;

/// <summary><c>PUT /snapshots/{snapshot_id}</c>: name and description.</summary>
public sealed class UpdateVolumeSnapshot(CinderHttp http, SnapshotService service)
{
    [Function(nameof(UpdateVolumeSnapshot))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = VolumeRoutes.Project + "/snapshots/{snapshotId}")] HttpRequest req,
        string projectId,
        string snapshotId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
            CinderHttp.Member("snapshot", VolumeWire.Snapshot(call, await service.UpdateAsync(call, snapshotId, body, cancellationToken), extended: false)),
            cancellationToken);
}
