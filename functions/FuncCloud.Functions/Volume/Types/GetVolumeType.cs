using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Types;

/// <summary><c>GET /types/{volume_type_id}</c>.</summary>
public sealed class GetVolumeType(CinderHttp http, VolumeTypeService types)
{
    [Function(nameof(GetVolumeType))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/types/{typeId}")] HttpRequest req,
        string projectId,
        string typeId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
            CinderHttp.Member("volume_type", VolumeWire.Type(await types.GetAsync(call, typeId, cancellationToken), types.ShowsExtraSpecs(call), types.ShowsQosSpecs(call))),
            cancellationToken);
}
