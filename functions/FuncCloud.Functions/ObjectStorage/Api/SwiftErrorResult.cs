using System.Text;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.ObjectStorage.Api;

/// <summary>
/// The one place a failure becomes a swift response: swob's HTML page for the status, or swift's plain-text
/// detail; no body for HEAD (and none for 304). Other services' typed errors (the authenticator's 401, policy's
/// 403) map by status code, so every failure has swift's shape.
/// </summary>
public sealed class SwiftErrorResult(OpenStackException error) : IResult
{
    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = error.StatusCode;
        switch (error)
        {
            case SwiftNotModifiedException notModified:
                response.Headers.ETag = notModified.Etag;
                response.Headers.LastModified = notModified.LastModified.ToString("R");
                return;
            case SwiftRangeNotSatisfiableException range:
                response.Headers.ContentRange = $"bytes */{range.Size}";
                break;
            case UnauthorizedException:
                response.Headers.WWWAuthenticate = "Keystone uri=\"\"";
                break;
        }

        var (body, contentType) = error is SwiftException { Detail: { } detail }
            ? (detail, "text/plain; charset=UTF-8")
            : error is SwiftException
                ? ($"<html><h1>{error.Title}</h1><p>{error.Message}</p></html>", "text/html; charset=UTF-8")
                : ($"<html><h1>{SwiftStatus.Title(error.StatusCode)}</h1><p>{SwiftStatus.Explanation(error.StatusCode)}</p></html>", "text/html; charset=UTF-8");
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentType = contentType;
        if (HttpMethods.IsHead(httpContext.Request.Method))
        {
            response.ContentLength = 0;
            return;
        }

        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }
}
