using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Snapshots;

/// <summary><c>GET /snapshots/detail</c>. The visible snapshots, filtered, sorted and paged.</summary>
public sealed class ListVolumeSnapshotsDetail(CinderHttp http, VolumeQueries queries)
{
    [Function(nameof(ListVolumeSnapshotsDetail))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/snapshots/detail")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            var page = VolumePaging.Apply(call, await queries.ListSnapshotsAsync(call, cancellationToken), s => s.Id, VolumeQueries.SnapshotKey, VolumeQueries.SnapshotSortKeys, "snapshots/detail");
            return CinderHttp.Json(VolumePaging.Render(call, "snapshots", page, s => VolumeWire.Snapshot(call, s, extended: true)));
        }, cancellationToken);
}
