using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Types;

/// <summary><c>GET /types/default</c>.</summary>
public sealed class GetDefaultVolumeType(CinderHttp http, VolumeTypeService types)
{
    [Function(nameof(GetDefaultVolumeType))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = VolumeRoutes.Project + "/types/default")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
            CinderHttp.Member("volume_type", VolumeWire.Type(await types.DefaultAsync(cancellationToken), types.ShowsExtraSpecs(call), types.ShowsQosSpecs(call))),
            cancellationToken);
}
