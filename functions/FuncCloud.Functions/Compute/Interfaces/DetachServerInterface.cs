using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Functions.Network.Compute;
using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Compute.Interfaces;

/// <summary><c>DELETE /servers/{server_id}/os-interface/{port_id}</c>: 202.</summary>
public sealed class DetachServerInterface(NovaHttp http, ServerQueries queries, ServerInterfaces interfaces)
{
    [Function(nameof(DetachServerInterface))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = InterfaceRoutes.Collection + "/{portId}")] HttpRequest req,
        string serverId,
        string portId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var server = await queries.GetAsync(call, serverId, ServerNetworkPolicies.InterfacesDelete, cancellationToken);
            await interfaces.DetachAsync(call, server, portId, durable, cancellationToken);
            return NovaHttp.Empty(StatusCodes.Status202Accepted);
        }, cancellationToken);
}
