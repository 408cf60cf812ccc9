using FuncCloud.Functions.Compute.Servers.Services;
using FuncCloud.Functions.Network.Compute;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Compute.Interfaces;

/// <summary><c>POST /servers/{server_id}/os-interface</c> with <c>net_id</c>, <c>port_id</c> or <c>fixed_ips</c>: 200 with the attachment.</summary>
public sealed class AttachServerInterface(NovaHttp http, ServerQueries queries, ServerInterfaces interfaces)
{
    [Function(nameof(AttachServerInterface))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = InterfaceRoutes.Collection)] HttpRequest req,
        string serverId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (call, body) =>
        {
            var server = await queries.GetAsync(call, serverId, ServerNetworkPolicies.InterfacesCreate, cancellationToken);
            return NovaHttp.Json(await interfaces.AttachAsync(call, server, body.OptionalObject("interfaceAttachment"), durable, cancellationToken));
        }, cancellationToken);
}
