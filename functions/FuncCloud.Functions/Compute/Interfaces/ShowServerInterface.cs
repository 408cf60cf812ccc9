using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Functions.Network.Compute;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Interfaces;

/// <summary><c>GET /servers/{server_id}/os-interface/{port_id}</c>.</summary>
public sealed class ShowServerInterface(NovaHttp http, ServerQueries queries, ServerInterfaces interfaces)
{
    [Function(nameof(ShowServerInterface))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = InterfaceRoutes.Collection + "/{portId}")] HttpRequest req,
        string serverId,
        string portId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var server = await queries.GetAsync(call, serverId, ServerNetworkPolicies.InterfacesShow, cancellationToken);
            return NovaHttp.Json(await interfaces.ShowAsync(server, portId, call.Version, cancellationToken));
        }, cancellationToken);
}
