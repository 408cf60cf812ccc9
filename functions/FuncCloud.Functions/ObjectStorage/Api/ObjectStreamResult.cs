using System.Text;
using FuncCloud.Functions.ObjectStorage.Services;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.ObjectStorage.Api;

/// <summary>
/// Streams an object (or a large object's segments) to the response, never buffered: 200 with everything,
/// 206 with <c>Content-Range</c> for one range, or 206 <c>multipart/byteranges</c> for several.
/// HEAD gets the headers only.
/// </summary>
public sealed class ObjectStreamResult(ObjectBody body, IReadOnlyDictionary<string, string> headers, IReadOnlyList<(long Offset, long Length)>? ranges) : IResult
{
    private const int CopyBufferSize = 1024 * 1024;

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        foreach (var (name, value) in headers)
        {
            response.Headers[name] = value;
        }

        response.Headers.AcceptRanges = "bytes";
        response.ContentType = body.ContentType;
        var head = HttpMethods.IsHead(httpContext.Request.Method);
        var cancellationToken = httpContext.RequestAborted;
        if (ranges is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentLength = body.Size;
            if (!head)
            {
                await body.CopyToAsync(response.Body, 0, body.Size, CopyBufferSize, cancellationToken);
            }

            return;
        }

        response.StatusCode = StatusCodes.Status206PartialContent;
        if (ranges.Count == 1)
        {
            var (offset, length) = ranges[0];
            response.ContentLength = length;
            response.Headers.ContentRange = $"bytes {offset}-{offset + length - 1}/{body.Size}";
            if (!head)
            {
                await body.CopyToAsync(response.Body, offset, length, CopyBufferSize, cancellationToken);
            }

            return;
        }

        // Several ranges: one part each, the length computed up front so the response is not chunked.
        var boundary = Guid.NewGuid().ToString("N");
        var parts = ranges.Select(r => (r.Offset, r.Length, Header: Encoding.ASCII.GetBytes(
            $"--{boundary}\r\nContent-Type: {body.ContentType}\r\nContent-Range: bytes {r.Offset}-{r.Offset + r.Length - 1}/{body.Size}\r\n\r\n"))).ToList();
        var trailer = Encoding.ASCII.GetBytes($"--{boundary}--");
        var newline = "\r\n"u8.ToArray();
        response.ContentType = $"multipart/byteranges;boundary={boundary}";
        response.ContentLength = parts.Sum(p => p.Header.Length + p.Length + newline.Length) + trailer.Length;
        if (head)
        {
            return;
        }

        foreach (var (offset, length, header) in parts)
        {
            await response.Body.WriteAsync(header, cancellationToken);
            await body.CopyToAsync(response.Body, offset, length, CopyBufferSize, cancellationToken);
            await response.Body.WriteAsync(newline, cancellationToken);
        }

        await response.Body.WriteAsync(trailer, cancellationToken);
    }
}
