using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace FuncCloud.Functions.Image.Functions.Images;

/// <summary><c>GET /v2/images</c>: filters, sort, <c>limit</c>/<c>marker</c> with <c>next</c> links; <c>GET /v2/images/</c> is 404.</summary>
public sealed class ListImages(ImageHttp http, ImageListService images, IOptions<ImageOptions> options)
{
    [Function(nameof(ListImages))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ImageRoutes.Images)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            // The route ignores a trailing slash; Glance reads /v2/images/ as an image with an empty id.
            if (req.Path.Value?.EndsWith('/') == true)
            {
                throw new ImageResourceNotFoundException();
            }

            var query = ImageListQuery.Parse(req.Query, options.Value);
            var page = await images.ListAsync(caller, query, cancellationToken);
            return OpenStackHttp.Json(ImageListWire.Page(page, query));
        }, cancellationToken);
}
