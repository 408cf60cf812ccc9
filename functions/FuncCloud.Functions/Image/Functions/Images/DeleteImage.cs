using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Images;

/// <summary><c>DELETE /v2/images/{imageId}</c>: 204; 403 when protected.</summary>
public sealed class DeleteImage(ImageHttp http, ImageService images)
{
    [Function(nameof(DeleteImage))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ImageRoutes.Image)] HttpRequest req,
        string imageId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            await images.DeleteAsync(caller, imageId, cancellationToken);
            return ImageHttp.NoContent();
        }, cancellationToken);
}
