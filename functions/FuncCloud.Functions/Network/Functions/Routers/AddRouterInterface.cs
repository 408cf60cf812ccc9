using FuncCloud.Functions.Network.Api;
using FuncCloud.Functions.Network.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Routers;

/// <summary><c>PUT /v2.0/routers/{routerId}/add_router_interface</c> with <c>subnet_id</c> or <c>port_id</c>.</summary>
public sealed class AddRouterInterface(NeutronHttp http, RouterInterfaces interfaces)
{
    [Function(nameof(AddRouterInterface))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = NeutronRoutes.Router + "/add_router_interface")] HttpRequest req,
        string routerId, CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) => NeutronHttp.Json(await interfaces.AddAsync(caller, routerId, body, cancellationToken)), cancellationToken);
}
