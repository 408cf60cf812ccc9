using FuncCloud.Functions.Network.Wiring;
using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Network.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Network.Functions.Agents;

/// <summary><c>GET /compute/v2.1/os-funccloud-nodes/{node}/network-state?local_ip=</c>: the node's whole desired network state.</summary>
public sealed class GetNodeNetworkState(NovaHttp http, NetworkNodeService service)
{
    [Function(nameof(GetNodeNetworkState))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = NetworkNodeRoutes.State)] HttpRequest req,
        string node,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var localIp = req.Query["local_ip"].FirstOrDefault();
            var state = await service.GetStateAsync(call.Caller, node, string.IsNullOrEmpty(localIp) ? null : localIp, cancellationToken);
            return Results.Json(state, AgentJson.Options);
        }, cancellationToken);
}
