using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Data;

/// <summary>
/// <c>PUT /v2/images/{imageId}/file</c>: streams the body into blob storage (any size: the host's request
/// size limit is lifted for this call; the quota bounds it instead) and activates the image; 204.
/// </summary>
public sealed class UploadImageData(ImageHttp http, ImageDataService data)
{
    [Function(nameof(UploadImageData))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ImageRoutes.Image + "/file")] HttpRequest req,
        string imageId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            ImageBody.AllowAnySize(req);
            await data.UploadAsync(caller, imageId, req.Body, cancellationToken);
            return ImageHttp.NoContent();
        }, cancellationToken);
}
