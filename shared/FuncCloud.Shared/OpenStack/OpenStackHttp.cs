using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FuncCloud.Shared.OpenStack;

/// <summary>
/// The one place where an OpenStack API call becomes an HTTP response: the request id is stamped on
/// every response, typed <see cref="OpenStackException"/>s become the service's error body, and a transient
/// storage failure (<see cref="StorageFailures"/>) becomes the service's 503.
/// </summary>
public static partial class OpenStackHttp
{
    /// <summary>Runs <paramref name="action"/>, mapping its typed exceptions with <paramref name="formatter"/>.</summary>
    public static async Task<IResult> ExecuteAsync(HttpRequest request, IErrorBodyFormatter formatter, Func<Task<IResult>> action)
    {
        RequestIds.Get(request.HttpContext);
        try
        {
            return await action();
        }
        catch (OpenStackException error)
        {
            return Error(formatter, error);
        }
        catch (Exception e) when (StorageFailures.IsTransient(e, request.HttpContext.RequestAborted))
        {
            return Error(formatter, Unavailable(request.HttpContext, e));
        }
    }

    /// <summary>
    /// The 503 for a transient storage failure <paramref name="exception"/>, logged with the request id (the
    /// storage clients' own retries were spent, or the call timed out): the caller may try again.
    /// </summary>
    public static ServiceUnavailableException Unavailable(HttpContext httpContext, Exception exception)
    {
        var logger = httpContext.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(OpenStackHttp).FullName!);
        if (logger is not null)
        {
            LogStorageUnavailable(logger, exception, httpContext.Request.Method, httpContext.Request.Path.Value ?? string.Empty, RequestIds.Get(httpContext));
        }

        return new ServiceUnavailableException(inner: exception);
    }

    /// <summary>The error response for <paramref name="error"/>.</summary>
    public static IResult Error(IErrorBodyFormatter formatter, OpenStackException error) => formatter.Result(error);

    /// <summary>The JSON error response carrying <paramref name="body"/> (and keystone's challenge on a 401).</summary>
    public static IResult JsonError(OpenStackException error, object body)
    {
        var headers = error.StatusCode == StatusCodes.Status401Unauthorized ? "Keystone uri=\"\"" : null;
        return new ErrorResult(error.StatusCode, body, headers);
    }

    /// <summary>A JSON response with the OpenStack serializer options.</summary>
    public static IResult Json(object body, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(body, OpenStackJson.Options, contentType: "application/json", statusCode: statusCode);

    [LoggerMessage(EventId = 9501, Level = LogLevel.Warning, Message = "{method} {path} ({requestId}): storage failed transiently, answered 503")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception, string method, string path, string requestId);

    private sealed class ErrorResult(int statusCode, object body, string? authenticate) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (authenticate is not null)
            {
                httpContext.Response.Headers.WWWAuthenticate = authenticate;
            }

            return Json(body, statusCode).ExecuteAsync(httpContext);
        }
    }
}
