using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Images;

/// <summary><c>POST /v2/images/{imageId}/actions/deactivate</c> (admin): 204.</summary>
public sealed class DeactivateImage(ImageHttp http, ImageService images)
{
    [Function(nameof(DeactivateImage))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ImageRoutes.Image + "/actions/deactivate")] HttpRequest req,
        string imageId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            await images.DeactivateAsync(caller, imageId, cancellationToken);
            return ImageHttp.NoContent();
        }, cancellationToken);
}
