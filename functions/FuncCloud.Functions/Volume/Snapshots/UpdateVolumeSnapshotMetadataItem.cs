using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Snapshots;

/// <summary><c>PUT /snapshots/{snapshot_id}/metadata/{key}</c> with <c>{"meta": {key: value}}</c>.</summary>
public sealed class UpdateVolumeSnapshotMetadataItem(CinderHttp http, VolumeMetadataService service)
{
    [Function(nameof(UpdateVolumeSnapshotMetadataItem))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = VolumeRoutes.Project + "/snapshots/{snapshotId}/metadata/{key}")] HttpRequest req,
        string projectId,
        string snapshotId,
        string key,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
            CinderHttp.Member("meta", VolumeWire.Map([await service.SetSnapshotItemAsync(call, snapshotId, key, body, cancellationToken)])), cancellationToken);
}
