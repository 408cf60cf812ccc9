using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Tags;

/// <summary><c>PUT /v2/images/{imageId}/tags/{tag}</c>: 204 (idempotent).</summary>
public sealed class AddImageTag(ImageHttp http, ImageService images)
{
    [Function(nameof(AddImageTag))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ImageRoutes.Image + "/tags/{tag}")] HttpRequest req,
        string imageId, string tag, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            await images.AddTagAsync(caller, imageId, tag, cancellationToken);
            return ImageHttp.NoContent();
        }, cancellationToken);
}
