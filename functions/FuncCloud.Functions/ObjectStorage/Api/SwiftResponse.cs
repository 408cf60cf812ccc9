using System.Text;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.ObjectStorage.Api;

/// <summary>
/// A swift response with a small body (or none): status, headers and the body's bytes; HEAD gets the same
/// headers (with the body's length) and no body, as swift answers it.
/// </summary>
public sealed class SwiftResponse(int statusCode, IReadOnlyDictionary<string, string> headers, byte[]? body = null, string? contentType = null) : IResult
{
    private const string DefaultContentType = "text/html; charset=UTF-8";

    /// <summary>A response with a UTF-8 text body.</summary>
    public static SwiftResponse Text(int statusCode, IReadOnlyDictionary<string, string> headers, string body, string contentType) =>
        new(statusCode, headers, Encoding.UTF8.GetBytes(body), contentType);

    /// <summary>A response without a body (201, 202, 204).</summary>
    public static SwiftResponse Empty(int statusCode, IReadOnlyDictionary<string, string>? headers = null) =>
        new(statusCode, headers ?? new Dictionary<string, string>());

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        foreach (var (name, value) in headers)
        {
            response.Headers[name] = value;
        }

        response.ContentType = contentType ?? DefaultContentType;
        if (statusCode == StatusCodes.Status204NoContent)
        {
            return;
        }

        response.ContentLength = body?.Length ?? 0;
        if (body is { Length: > 0 } && !HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
