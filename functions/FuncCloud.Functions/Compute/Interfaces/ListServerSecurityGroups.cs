using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Functions.Network.Compute;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Interfaces;

/// <summary><c>GET /servers/{server_id}/os-security-groups</c>: the security groups of the server's ports.</summary>
public sealed class ListServerSecurityGroups(NovaHttp http, ServerQueries queries, ServerSecurityGroups groups)
{
    [Function(nameof(ListServerSecurityGroups))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = InterfaceRoutes.SecurityGroups)] HttpRequest req,
        string serverId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var server = await queries.GetAsync(call, serverId, ServerNetworkPolicies.SecurityGroupsList, cancellationToken);
            return NovaHttp.Json(await groups.ListAsync(server, cancellationToken));
        }, cancellationToken);
}
