using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Snapshots;

/// <summary><c>GET /snapshots/{snapshot_id}/metadata/{key}</c>: <c>{"meta": {key: value}}</c>.</summary>
public sealed class GetVolumeSnapshotMetadataItem(CinderHttp http, VolumeMetadataService service)
{
    [Function(nameof(GetVolumeSnapshotMetadataItem))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/snapshots/{snapshotId}/metadata/{key}")] HttpRequest req,
        string projectId,
        string snapshotId,
        string key,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
            CinderHttp.Member("meta", VolumeWire.Map([await service.GetSnapshotItemAsync(call, snapshotId, key, cancellationToken)])), cancellationToken);
}
