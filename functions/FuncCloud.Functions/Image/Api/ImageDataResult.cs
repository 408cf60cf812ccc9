using FuncCloud.Functions.Image.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FuncCloud.Functions.Image.Api;

/// <summary>
/// Streams image data from the blob to the response (never buffered): 200 with the whole image and
/// <c>Content-MD5</c> (Glance sends the hex checksum there and clients verify it), or 206 with
/// <c>Content-Range</c> for a range request.
/// </summary>
public sealed class ImageDataResult(ImageDownload download, bool partial) : IResult
{
    private const int CopyBufferSize = 1024 * 1024;

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var size = download.Image.Size ?? 0;
        response.StatusCode = partial ? StatusCodes.Status206PartialContent : StatusCodes.Status200OK;
        response.ContentType = "application/octet-stream";
        response.ContentLength = download.Length;
        response.Headers[HeaderNames.AcceptRanges] = "bytes";
        if (partial)
        {
            response.Headers[HeaderNames.ContentRange] = $"bytes {download.Offset}-{download.Offset + download.Length - 1}/{size}";
        }
        else if (download.Image.Checksum is { } checksum)
        {
            response.Headers[HeaderNames.ContentMD5] = checksum;
        }

        if (download.Length == 0 || HttpMethods.IsHead(httpContext.Request.Method))
        {
            return;
        }

        var cancellationToken = httpContext.RequestAborted;
        await using var source = await download.OpenAsync(cancellationToken);
        await source.CopyToAsync(response.Body, CopyBufferSize, cancellationToken);
    }
}
