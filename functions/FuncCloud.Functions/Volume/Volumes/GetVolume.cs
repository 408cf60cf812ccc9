using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Volumes;

/// <summary><c>GET /volumes/{volume_id}</c>.</summary>
public sealed class GetVolume(CinderHttp http, VolumeAccess access)
{
    [Function(nameof(GetVolume))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/volumes/{volumeId}")] HttpRequest req,
        string projectId,
        string volumeId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
            CinderHttp.Member("volume", VolumeWire.Detail(call, await access.VolumeAsync(call, volumeId, VolumePolicies.Get, cancellationToken), access.IsAdmin(call))),
            cancellationToken);
}
