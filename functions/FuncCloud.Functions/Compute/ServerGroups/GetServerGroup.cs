using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.ServerGroups;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.ServerGroups;

/// <summary><c>GET /os-server-groups/{server_group_id}</c>.</summary>
public sealed class GetServerGroup(NovaHttp http, ServerGroupService groups)
{
    [Function(nameof(GetServerGroup))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ServerGroupWire.Collection + "/{groupId}")] HttpRequest req,
        string groupId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
            NovaHttp.Member("server_group", ServerGroupWire.Render(call.Version, await groups.GetAsync(call, groupId, cancellationToken))), cancellationToken);
}
