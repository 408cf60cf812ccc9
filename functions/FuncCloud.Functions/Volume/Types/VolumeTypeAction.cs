using FuncCloud.Functions.Volume.Api;
using FuncCloud.Functions.Volume.Services;
using FuncCloud.Shared.Volume.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using FuncCloud.Shared.OpenStack;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Volume.Types;

/// <summary><c>POST /types/{volume_type_id}/action</c> (admin): addProjectAccess, removeProjectAccess.</summary>
public sealed class VolumeTypeAction(CinderHttp http, VolumeTypeService types)
{
    [Function(nameof(VolumeTypeAction))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = VolumeRoutes.Project + "/types/{typeId}/action")] HttpRequest req,
        string projectId,
        string typeId,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, projectId, async (call, body) =>
        {
            var grant = body.OptionalObject("addProjectAccess");
            var revoke = body.OptionalObject("removeProjectAccess");
            var args = grant ?? revoke ?? throw new Shared.OpenStack.Errors.BadRequestException("There is no such action.");
            await types.SetAccessAsync(call, typeId, Shared.OpenStack.JsonRequest.RequireString(args, "project"), grant is not null, cancellationToken);
            return CinderHttp.Empty(StatusCodes.Status202Accepted);
        }, cancellationToken);
}
