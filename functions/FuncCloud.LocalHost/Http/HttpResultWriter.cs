using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace FuncCloud.LocalHost.Http;

/// <summary>Writes what an HTTP function returned, as the Functions ASP.NET Core integration does.</summary>
public static class HttpResultWriter
{
    /// <summary>IActionResult and IResult are executed; null is 204; strings are text; other objects JSON.</summary>
    public static Task WriteAsync(HttpContext httpContext, object? result)
    {
        if (httpContext.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        return result switch
        {
            IActionResult actionResult => actionResult.ExecuteResultAsync(
                new ActionContext(httpContext, httpContext.GetRouteData(), new ActionDescriptor())),
            IResult httpResult => httpResult.ExecuteAsync(httpContext),
            null => NoContent(httpContext),
            string text => Results.Text(text).ExecuteAsync(httpContext),
            _ => Results.Json(result).ExecuteAsync(httpContext),
        };
    }

    private static Task NoContent(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
