using FuncCloud.Functions.Image.Api;
using FuncCloud.Functions.Image.Services;
using FuncCloud.Shared.OpenStack;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.Functions.Image.Functions.Data;

/// <summary>
/// <c>GET /v2/images/{imageId}/file</c>: the data, streamed (200 with <c>Content-MD5</c>, or 206 for a
/// <c>Range</c> request); 204 when the image has no data yet.
/// </summary>
public sealed class DownloadImageData(ImageHttp http, ImageDataService data)
{
    [Function(nameof(DownloadImageData))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ImageRoutes.Image + "/file")] HttpRequest req,
        string imageId, CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(req, async caller =>
        {
            var range = ByteRange.Parse(req.Headers.Range);
            try
            {
                var download = await data.DownloadAsync(caller, imageId, range, cancellationToken);
                return download is null ? ImageHttp.NoContent() : new ImageDataResult(download, range is not null);
            }
            catch (RangeNotSatisfiableException e) when (e.Size is { } size)
            {
                // The 416 names the real size so the client can retry with a valid range.
                req.HttpContext.Response.Headers.ContentRange = $"bytes */{size}";
                throw;
            }
        }, cancellationToken);
}
