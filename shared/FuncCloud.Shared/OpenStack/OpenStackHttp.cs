using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.OpenStack;

/// <summary>
/// The one place where an OpenStack API call becomes an HTTP response: the request id is stamped on
/// every response, and typed <see cref="OpenStackException"/>s become the service's error body.
/// </summary>
public static class OpenStackHttp
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
