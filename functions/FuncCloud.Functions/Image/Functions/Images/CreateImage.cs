using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Images;

/// <summary><c>POST /v2/images</c>: 201 with the queued image.</summary>
public sealed class CreateImage(ImageHttp http, ImageService images)
{
    [Function(nameof(CreateImage))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ImageRoutes.Images)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.WithBodyAsync(req, async (caller, body) =>
        {
            var image = await images.CreateAsync(caller, body, cancellationToken);
            req.HttpContext.Response.Headers.Location = ImageRoutes.ImagePath(image.Id);
            return OpenStackHttp.Json(ImageWire.Image(image), StatusCodes.Status201Created);
        }, cancellationToken);
}
