using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.ServerGroups;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.ServerGroups;

/// <summary><c>DELETE /os-server-groups/{server_group_id}</c>: 204.</summary>
public sealed class DeleteServerGroup(NovaHttp http, ServerGroupService groups)
{
    [Function(nameof(DeleteServerGroup))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ServerGroupWire.Collection + "/{groupId}")] HttpRequest req,
        string groupId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            await groups.DeleteAsync(call, groupId, cancellationToken);
            return NovaHttp.Empty(StatusCodes.Status204NoContent);
        }, cancellationToken);
}
