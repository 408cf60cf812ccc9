using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Volumes;

/// <summary><c>GET /volumes/{volume_id}/metadata</c>.</summary>
public sealed class GetVolumeMetadata(CinderHttp http, VolumeMetadataService service)
{
    [Function(nameof(GetVolumeMetadata))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/volumes/{volumeId}/metadata")] HttpRequest req,
        string projectId,
        string volumeId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
            CinderHttp.Member("metadata", VolumeWire.Map(await service.GetAsync(call, volumeId, cancellationToken))), cancellationToken);
}
