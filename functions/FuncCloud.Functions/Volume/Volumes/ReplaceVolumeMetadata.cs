using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Volumes;

/// <summary><c>PUT /volumes/{volume_id}/metadata</c>: replaces every key.</summary>
public sealed class ReplaceVolumeMetadata(CinderHttp http, VolumeMetadataService service)
{
    [Function(nameof(ReplaceVolumeMetadata))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = VolumeRoutes.Project + "/volumes/{volumeId}/metadata")] HttpRequest req,
        string projectId,
        string volumeId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
            CinderHttp.Member("metadata", VolumeWire.Map(await service.SetAsync(call, volumeId, body, replace: true, cancellationToken))), cancellationToken);
}
