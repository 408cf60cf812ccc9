using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Types;

/// <summary><c>POST /types</c> (admin).</summary>
public sealed class CreateVolumeType(CinderHttp http, VolumeTypeService types)
{
    [Function(nameof(CreateVolumeType))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = VolumeRoutes.Project + "/types")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
            CinderHttp.Member("volume_type", VolumeWire.Type(await types.CreateAsync(call, body, cancellationToken), true)),
            cancellationToken);
}
