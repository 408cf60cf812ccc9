using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Volumes;

/// <summary><c>DELETE /volumes/{volume_id}/metadata/{key}</c>: 200 with no body, as cinder answers.</summary>
public sealed class DeleteVolumeMetadataItem(CinderHttp http, VolumeMetadataService service)
{
    [Function(nameof(DeleteVolumeMetadataItem))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = VolumeRoutes.Project + "/volumes/{volumeId}/metadata/{key}")] HttpRequest req,
        string projectId,
        string volumeId,
        string key,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            await service.DeleteItemAsync(call, volumeId, key, cancellationToken);
            return CinderHttp.Empty(StatusCodes.Status200OK);
        }, cancellationToken);
}
