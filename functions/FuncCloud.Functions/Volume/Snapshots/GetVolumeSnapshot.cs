using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Snapshots;

/// <summary><c>GET /snapshots/{snapshot_id}</c>.</summary>
public sealed class GetVolumeSnapshot(CinderHttp http, VolumeAccess access)
{
    [Function(nameof(GetVolumeSnapshot))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/snapshots/{snapshotId}")] HttpRequest req,
        string projectId,
        string snapshotId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
            CinderHttp.Member("snapshot", VolumeWire.Snapshot(call, await access.SnapshotAsync(call, snapshotId, VolumePolicies.GetSnapshot, cancellationToken), extended: true)),
            cancellationToken);
}
