using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Types;

/// <summary><c>PUT /types/{volume_type_id}</c> (admin).</summary>
public sealed class UpdateVolumeType(CinderHttp http, VolumeTypeService types)
{
    [Function(nameof(UpdateVolumeType))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = VolumeRoutes.Project + "/types/{typeId}")] HttpRequest req,
        string projectId,
        string typeId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
            CinderHttp.Member("volume_type", VolumeWire.Type(await types.UpdateAsync(call, typeId, body, cancellationToken), true, accessAttribute: false)),
            cancellationToken);
}
