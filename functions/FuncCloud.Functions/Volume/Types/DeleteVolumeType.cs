using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Types;

/// <summary><c>DELETE /types/{volume_type_id}</c> (admin): 202.</summary>
public sealed class DeleteVolumeType(CinderHttp http, VolumeTypeService types)
{
    [Function(nameof(DeleteVolumeType))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = VolumeRoutes.Project + "/types/{typeId}")] HttpRequest req,
        string projectId,
        string typeId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, projectId, async call =>
        {
            await types.DeleteAsync(call, typeId, cancellationToken);
            return CinderHttp.Empty(StatusCodes.Status202Accepted);
        }, cancellationToken);
}
