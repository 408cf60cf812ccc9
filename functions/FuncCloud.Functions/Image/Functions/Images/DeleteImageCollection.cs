using FuncCloud.Functions.Image.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Images;

/// <summary>
/// <c>DELETE /v2/images/</c> (an empty image id) is 404 as in Glance, <c>DELETE /v2/images</c> 405: the route
/// template ignores the trailing slash, so one function tells them apart.
/// </summary>
public sealed class DeleteImageCollection(ImageHttp http)
{
    [Function(nameof(DeleteImageCollection))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ImageRoutes.Images)] HttpRequest req,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, _ =>
        {
            if (req.Path.Value?.EndsWith('/') == true)
            {
                throw new ImageResourceNotFoundException();
            }

            req.HttpContext.Response.Headers.Allow = "GET, POST"; // what /v2/images does take
            throw new ImageMethodNotAllowedException(req.Method);
        }, cancellationToken);
}
