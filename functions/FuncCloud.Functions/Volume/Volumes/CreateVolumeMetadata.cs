using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Volumes;

/// <summary><c>POST /volumes/{volume_id}/metadata</c>: merges the keys, answers the whole map.</summary>
public sealed class CreateVolumeMetadata(CinderHttp http, VolumeMetadataService service)
{
    [Function(nameof(CreateVolumeMetadata))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = VolumeRoutes.Project + "/volumes/{volumeId}/metadata")] HttpRequest req,
        string projectId,
        string volumeId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
            CinderHttp.Member("metadata", VolumeWire.Map(await service.SetAsync(call, volumeId, body, replace: false, cancellationToken))), cancellationToken);
}
