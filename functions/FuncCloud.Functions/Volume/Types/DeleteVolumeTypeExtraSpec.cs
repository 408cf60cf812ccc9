using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Types;

/// <summary><c>DELETE /types/{volume_type_id}/extra_specs/{key}</c> (admin): 202.</summary>
public sealed class DeleteVolumeTypeExtraSpec(CinderHttp http, VolumeTypeService types)
{
    [Function(nameof(DeleteVolumeTypeExtraSpec))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = VolumeRoutes.Project + "/types/{typeId}/extra_specs/{key}")] HttpRequest req,
        string projectId,
        string typeId,
        string key,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            await types.DeleteSpecAsync(call, typeId, key, cancellationToken);
            return CinderHttp.Empty(StatusCodes.Status202Accepted);
        }, cancellationToken);
}
