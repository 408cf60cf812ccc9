using FuncCloud.Shared.Compute.Metadata;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Metadata;

/// <summary>
/// <c>GET /metadata/{path}</c>: nova's metadata API (<c>openstack/latest/meta_data.json</c>, <c>user_data</c>,
/// <c>network_data.json</c>, <c>latest/meta-data/...</c>) for the instance a node's metadata proxy names and signs.
/// </summary>
public sealed class GetInstanceMetadata(InstanceMetadataService service)
{
    [Function(nameof(GetInstanceMetadata))]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = MetadataRoutes.Any)] HttpRequest req,
        string? path,
        CancellationToken cancellationToken)
    {
        try
        {
            var content = await service.GetAsync(req.Headers, path, cancellationToken);
            return Results.Bytes(content.Body, content.ContentType);
        }
        catch (OpenStackException error)
        {
            return MetadataErrorBodyFormatter.Instance.Result(error);
        }
        catch (Exception e) when (StorageFailures.IsTransient(e, req.HttpContext.RequestAborted))
        {
            return MetadataErrorBodyFormatter.Instance.Result(OpenStackHttp.Unavailable(req.HttpContext, e));
        }
    }
}
