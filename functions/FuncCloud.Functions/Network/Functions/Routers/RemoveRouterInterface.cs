using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Routers;

/// <summary><c>PUT /v2.0/routers/{routerId}/remove_router_interface</c> with <c>subnet_id</c> or <c>port_id</c>.</summary>
public sealed class RemoveRouterInterface(NeutronHttp http, RouterInterfaces interfaces)
{
    [Function(nameof(RemoveRouterInterface))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = NeutronRoutes.Router + "/remove_router_interface")] HttpRequest req,
        string routerId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) => NeutronHttp.Json(await interfaces.RemoveAsync(caller, routerId, body, cancellationToken)), cancellationToken);
}
