using FuncCloud.Shared.Agents;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.Compute.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Metadata;

/// <summary>
/// <c>GET /compute/v2.1/os-funccloud-nodes/{node}/config-drive/{serverId}</c>: the files of a server's config drive,
/// which the node builds into a <c>config-2</c> ISO9660 before the spawn.
/// </summary>
public sealed class GetConfigDrive(NovaHttp http, InstanceMetadataService service)
{
    [Function(nameof(GetConfigDrive))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MetadataRoutes.ConfigDrive)] HttpRequest req,
        string node,
        string serverId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            var contents = await service.ConfigDriveAsync(call.Caller, serverId, cancellationToken);
            return Results.Json(contents, AgentJson.Options);
        }, cancellationToken);
}
