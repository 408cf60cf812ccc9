using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Volumes;

/// <summary><c>PUT /volumes/{volume_id}</c>: name, description, metadata.</summary>
public sealed class UpdateVolume(CinderHttp http, VolumeService service, VolumeAccess access)
{
    [Function(nameof(UpdateVolume))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = VolumeRoutes.Project + "/volumes/{volumeId}")] HttpRequest req,
        string projectId,
        string volumeId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
            CinderHttp.Member("volume", VolumeWire.Detail(call, await service.UpdateAsync(call, volumeId, body, cancellationToken), access.IsAdmin(call), extended: false)),
            cancellationToken);
}
