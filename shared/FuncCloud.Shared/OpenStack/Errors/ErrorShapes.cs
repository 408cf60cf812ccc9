using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace FuncCloud.Shared.OpenStack.Errors;

/// <summary>
/// One service's error shape, claimed for the requests under <see cref="PathPrefix"/> (e.g. <c>/compute</c>).
/// The host uses it for the errors no function answers (unknown route, wrong method, a URI too long, an
/// unhandled exception), so every response under a service's prefix speaks that service's dialect.
/// </summary>
public sealed record ErrorShape(string PathPrefix, IErrorBodyFormatter Formatter);

/// <summary>An error the HTTP host itself reports (no route, wrong method...), in a service's shape.</summary>
public sealed class HttpStatusError(int statusCode, string message)
    : OpenStackException(statusCode, ReasonPhrases.GetReasonPhrase(statusCode), message);

/// <summary>The registered <see cref="ErrorShape"/>s: the longest matching prefix wins.</summary>
public sealed class ErrorShapeRegistry(IEnumerable<ErrorShape> shapes)
{
    private readonly ErrorShape[] _shapes = [.. shapes.OrderByDescending(s => s.PathPrefix.Length)];

    /// <summary>The formatter for <paramref name="path"/>, or null when no service claims it.</summary>
    public IErrorBodyFormatter? Find(PathString path) =>
        _shapes.FirstOrDefault(s => path.StartsWithSegments(s.PathPrefix, StringComparison.OrdinalIgnoreCase))?.Formatter;

    /// <summary>
    /// Writes <paramref name="error"/> in the shape of the service owning the request path; false (nothing
    /// written) when no service claims it or the response has started.
    /// </summary>
    public async Task<bool> TryWriteAsync(HttpContext httpContext, OpenStackException error)
    {
        if (httpContext.Response.HasStarted || Find(httpContext.Request.Path) is not { } formatter)
        {
            return false;
        }

        RequestIds.Get(httpContext);
        await OpenStackHttp.Error(formatter, error).ExecuteAsync(httpContext);
        return true;
    }
}

/// <summary>Registration of error shapes: each service adds its own prefix from its DI extension.</summary>
public static class ErrorShapeServiceCollectionExtensions
{
    /// <summary>Claims <paramref name="pathPrefix"/> (e.g. <c>/network</c>) for <paramref name="formatter"/>'s shape.</summary>
    public static IServiceCollection AddErrorShape(this IServiceCollection services, string pathPrefix, IErrorBodyFormatter formatter)
    {
        services.AddSingleton(new ErrorShape("/" + pathPrefix.Trim('/'), formatter));
        services.AddSingleton<ErrorShapeRegistry>();
        return services;
    }
}
