using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Data;

/// <summary><c>PUT /v2/images/{imageId}/stage</c>: stages data for a glance-direct import; 204.</summary>
public sealed class StageImageData(ImageHttp http, ImageDataService data)
{
    [Function(nameof(StageImageData))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ImageRoutes.Image + "/stage")] HttpRequest req,
        string imageId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            ImageBody.AllowAnySize(req);
            await data.StageAsync(caller, imageId, req.Body, cancellationToken);
            return ImageHttp.NoContent();
        }, cancellationToken);
}
