using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Metadata;

/// <summary>
/// <c>GET /compute/v2.1/os-funccloud-nodes/{node}/metadata-instance?network_id=&amp;ip=</c>: which instance owns the
/// port with that address on that network — what a node's metadata proxy signs and forwards.
/// </summary>
public sealed class ResolveMetadataInstance(NovaHttp http, InstanceMetadataService service)
{
    [Function(nameof(ResolveMetadataInstance))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetadataRoutes.Instance)] HttpRequest req,
        string node,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var instance = await service.ResolveAsync(call.Caller, req.Query["network_id"].FirstOrDefault(), req.Query["ip"].FirstOrDefault(), cancellationToken);
            return Results.Json(instance, AgentJson.Options);
        }, cancellationToken);
}
