using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Tags;

/// <summary><c>DELETE /v2/images/{imageId}/tags/{tag}</c>: 204; 404 when the image has no such tag.</summary>
public sealed class DeleteImageTag(ImageHttp http, ImageService images)
{
    [Function(nameof(DeleteImageTag))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ImageRoutes.Image + "/tags/{tag}")] HttpRequest req,
        string imageId, string tag, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            await images.RemoveTagAsync(caller, imageId, tag, cancellationToken);
            return ImageHttp.NoContent();
        }, cancellationToken);
}
