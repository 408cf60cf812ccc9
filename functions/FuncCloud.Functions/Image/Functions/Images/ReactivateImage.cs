using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Images;

/// <summary><c>POST /v2/images/{imageId}/actions/reactivate</c> (admin): 204.</summary>
public sealed class ReactivateImage(ImageHttp http, ImageService images)
{
    [Function(nameof(ReactivateImage))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ImageRoutes.Image + "/actions/reactivate")] HttpRequest req,
        string imageId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            await images.ReactivateAsync(caller, imageId, cancellationToken);
            return ImageHttp.NoContent();
        }, cancellationToken);
}
