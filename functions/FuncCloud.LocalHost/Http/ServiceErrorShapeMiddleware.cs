using FuncCloud.LocalHost.Hosting;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace FuncCloud.LocalHost.Http;

/// <summary>
/// Gives the errors the host answers itself a body in the shape of the service owning the path
/// (<see cref="ErrorShapeRegistry"/>): 404 for an unknown route, 405 (with routing's <c>Allow</c>) for a
/// wrong method, 414 for a request target over <see cref="HttpHostOptions.MaxRequestTargetLength"/>, 401
/// for a missing function key, 503 for a transient storage failure and 500 for an unhandled exception. Paths no service claims keep the
/// Functions host's empty bodies.
/// </summary>
public sealed class ServiceErrorShapeMiddleware(RequestDelegate next, IOptions<HttpHostOptions> options)
{
    /// <summary>Runs the rest of the pipeline, then shapes an error response that has no body.</summary>
    public async Task InvokeAsync(HttpContext httpContext)
    {
        var registry = httpContext.RequestServices.GetService<ErrorShapeRegistry>();
        if (registry is null || registry.Find(httpContext.Request.Path) is null)
        {
            await next(httpContext);
            return;
        }

        var target = httpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty;
        if (target.Length > options.Value.MaxRequestTargetLength)
        {
            httpContext.Response.StatusCode = StatusCodes.Status414RequestUriTooLong;
        }
        else
        {
            await next(httpContext);
        }

        var status = httpContext.Response.StatusCode;
        if (status >= StatusCodes.Status400BadRequest && !HttpMethods.IsHead(httpContext.Request.Method) && !httpContext.Response.HasStarted && httpContext.Response.ContentLength is null or 0)
        {
            await registry.TryWriteAsync(httpContext, new HttpStatusError(status, Message(httpContext, status)));
        }
    }

    /// <summary>What the services' own frameworks (webob, nova's wsgi) say for these statuses.</summary>
    private static string Message(HttpContext httpContext, int status) => status switch
    {
        StatusCodes.Status404NotFound => "The resource could not be found.",
        StatusCodes.Status405MethodNotAllowed => $"The method {httpContext.Request.Method} is not allowed for this resource.",
        StatusCodes.Status414RequestUriTooLong => "The request URI is too long.",
        StatusCodes.Status401Unauthorized => "The request you have made requires authentication.",
        StatusCodes.Status503ServiceUnavailable => new ServiceUnavailableException().Message,
        >= StatusCodes.Status500InternalServerError =>
            $"Unexpected API Error. The service log has the details under request id {RequestIds.Get(httpContext)}.",
        _ => ReasonPhrase(status),
    };

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase + "." : "Error.";
}
