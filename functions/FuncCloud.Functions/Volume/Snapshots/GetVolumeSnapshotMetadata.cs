using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Snapshots;

/// <summary><c>GET /snapshots/{snapshot_id}/metadata</c>.</summary>
public sealed class GetVolumeSnapshotMetadata(CinderHttp http, VolumeAccess access)
{
    [Function(nameof(GetVolumeSnapshotMetadata))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/snapshots/{snapshotId}/metadata")] HttpRequest req,
        string projectId,
        string snapshotId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
            CinderHttp.Member("metadata", VolumeWire.Map((await access.SnapshotAsync(call, snapshotId, VolumePolicies.GetSnapshot, cancellationToken)).Metadata)),
            cancellationToken);
}
