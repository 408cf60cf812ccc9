using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Volumes;

/// <summary><c>GET /volumes/{volume_id}/metadata/{key}</c>: <c>{"meta": {key: value}}</c>.</summary>
public sealed class GetVolumeMetadataItem(CinderHttp http, VolumeMetadataService service)
{
    [Function(nameof(GetVolumeMetadataItem))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/volumes/{volumeId}/metadata/{key}")] HttpRequest req,
        string projectId,
        string volumeId,
        string key,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
            CinderHttp.Member("meta", VolumeWire.Map([await service.GetItemAsync(call, volumeId, key, cancellationToken)])), cancellationToken);
}
