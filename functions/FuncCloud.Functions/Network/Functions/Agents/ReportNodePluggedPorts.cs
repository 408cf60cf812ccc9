using FuncCloud.Functions.Compute.Nodes;
using FuncCloud.Functions.Network.Compute;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Network.Agents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Network.Functions.Agents;

/// <summary><c>POST /compute/v2.1/os-funccloud-nodes/{node}/vif-plugged</c>: the node's network agent wired these ports. 204.</summary>
public sealed class ReportNodePluggedPorts(NovaHttp http, VifPluggedService service)
{
    [Function(nameof(ReportNodePluggedPorts))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = NetworkNodeRoutes.Plugged)] HttpRequest req,
        string node,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var report = await NodeRoutes.ReadAsync<PluggedPorts>(req, cancellationToken);
            await service.RecordAsync(call.Caller, node, report.Ports ?? [], durable, cancellationToken);
            return NovaHttp.Empty(StatusCodes.Status204NoContent);
        }, cancellationToken);
}
