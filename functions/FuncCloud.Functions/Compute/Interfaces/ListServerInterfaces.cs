using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Functions.Network.Compute;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Interfaces;

/// <summary><c>GET /servers/{server_id}/os-interface</c>: the server's ports.</summary>
public sealed class ListServerInterfaces(NovaHttp http, ServerQueries queries, ServerInterfaces interfaces)
{
    [Function(nameof(ListServerInterfaces))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = InterfaceRoutes.Collection)] HttpRequest req,
        string serverId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var server = await queries.GetAsync(call, serverId, ServerNetworkPolicies.InterfacesList, cancellationToken);
            return NovaHttp.Json(await interfaces.ListAsync(server, call.Version, cancellationToken));
        }, cancellationToken);
}
