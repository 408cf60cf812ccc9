using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Volumes;

/// <summary><c>GET /volumes</c>: id, links and name of the visible volumes, filtered, sorted and paged.</summary>
public sealed class ListVolumes(CinderHttp http, VolumeQueries queries)
{
    [Function(nameof(ListVolumes))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/volumes")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            // The route ignores a trailing slash; cinder reads /volumes/ as a volume with an empty id (no route: 404).
            if (req.Path.Value?.EndsWith('/') == true)
            {
                throw new VolumeRouteNotFoundException();
            }

            var page = VolumePaging.Apply(call, await queries.ListVolumesAsync(call, cancellationToken), v => v.Id, VolumeQueries.VolumeKey, VolumeQueries.VolumeSortKeys, "volumes");
            return CinderHttp.Json(VolumePaging.Render(call, "volumes", page, v => VolumeWire.Summary(call, v)));
        }, cancellationToken);
}
