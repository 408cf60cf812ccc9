using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Images;

/// <summary><c>GET /v2/images/{imageId}</c>.</summary>
public sealed class GetImage(ImageHttp http, ImageService images)
{
    [Function(nameof(GetImage))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ImageRoutes.Image)] HttpRequest req,
        string imageId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller => OpenStackHttp.Json(ImageWire.Image(await images.GetAsync(caller, imageId, cancellationToken))), cancellationToken);
}
