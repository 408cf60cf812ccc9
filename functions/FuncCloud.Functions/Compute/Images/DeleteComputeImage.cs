using FuncCloud.Shared.Compute.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Compute.Images;

/// <summary><c>DELETE /images/{image_id}</c> (to 2.35): 204, the image deleted in Glance.</summary>
public sealed class DeleteComputeImage(NovaHttp http, ComputeImageProxy proxy)
{
    [Function(nameof(DeleteComputeImage))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ComputeImageWire.Collection + "/{imageId}")] HttpRequest req,
        string imageId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async call =>
        {
            await proxy.DeleteAsync(call, imageId, cancellationToken);
            return NovaHttp.Empty(StatusCodes.Status204NoContent);
        }, cancellationToken);
}
