using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Types;

/// <summary><c>POST /types/{volume_type_id}/extra_specs</c> (admin): merges specs.</summary>
public sealed class SetVolumeTypeExtraSpecs(CinderHttp http, VolumeTypeService types)
{
    [Function(nameof(SetVolumeTypeExtraSpecs))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = VolumeRoutes.Project + "/types/{typeId}/extra_specs")] HttpRequest req,
        string projectId,
        string typeId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
            CinderHttp.Member("extra_specs", VolumeWire.Map(await types.SetSpecsAsync(call, typeId, body, cancellationToken))),
            cancellationToken);
}
