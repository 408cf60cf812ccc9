using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Volume.Volumes;

/// <summary><c>PUT /volumes/{volume_id}/metadata/{key}</c> with <c>{"meta": {key: value}}</c>.</summary>
public sealed class UpdateVolumeMetadataItem(CinderHttp http, VolumeMetadataService service)
{
    [Function(nameof(UpdateVolumeMetadataItem))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = VolumeRoutes.Project + "/volumes/{volumeId}/metadata/{key}")] HttpRequest req,
        string projectId,
        string volumeId,
        string key,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
            CinderHttp.Member("meta", VolumeWire.Map([await service.SetItemAsync(call, volumeId, key, body, cancellationToken)])), cancellationToken);
}
