using System.Text.Json;
using FuncCloud.LocalHost.Catalog;
using FuncCloud.LocalHost.Hosting;
using FuncCloud.LocalHost.Invocation;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace FuncCloud.LocalHost.Http;

/// <summary>Maps every <c>[HttpTrigger]</c> function of the catalog onto an ASP.NET Core endpoint.</summary>
public static partial class HttpTriggerEndpoints
{
    /// <summary>Adds one endpoint per HTTP-triggered function, under host.json's routePrefix.</summary>
    public static IEndpointRouteBuilder MapHttpTriggers(this IEndpointRouteBuilder endpoints)
    {
        var catalog = endpoints.ServiceProvider.GetRequiredService<FunctionCatalog>();
        var prefix = endpoints.ServiceProvider.GetRequiredService<IOptions<HttpHostOptions>>().Value.RoutePrefix.Trim('/');
        foreach (var (function, trigger) in catalog.WithTrigger<HttpTriggerAttribute>())
        {
            var route = (trigger.Route ?? function.Name).Trim('/');
            var pattern = "/" + string.Join('/', new[] { prefix, route }.Where(s => s.Length > 0));
            var handler = CreateHandler(function, trigger.AuthLevel);
            var builder = trigger.Methods is { Length: > 0 } methods
                ? endpoints.MapMethods(pattern, methods.Select(m => m.ToUpperInvariant()), handler)
                : endpoints.Map(pattern, handler);
            builder.WithName(function.Name).WithDisplayName($"Function {function.Name}");
        }

        return endpoints;
    }

    private static RequestDelegate CreateHandler(FunctionDescriptor function, AuthorizationLevel level) => async httpContext =>
    {
        var services = httpContext.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("FuncCloud.LocalHost.Http");
        if (!FunctionKeyAuthorizer.IsAuthorized(level, httpContext.Request, services.GetRequiredService<IOptions<FunctionKeyOptions>>().Value))
        {
            httpContext.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        object? result;
        try
        {
            var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var body = await HttpTriggerBinder.ReadBodyAsync(function.Name, function.Method, httpContext.Request, json);
            var context = new LocalFunctionContext(function, services, BindingData(httpContext), httpContext.RequestAborted);
            result = await services.GetRequiredService<FunctionInvoker>().InvokeAsync(function, new HttpTriggerBinder(httpContext, body), context);
        }
        catch (FunctionBindingException e)
        {
            LogBindingFailed(logger, function.Name, e.Message);
            if (services.GetService<ErrorShapeRegistry>() is not { } shapes ||
                !await shapes.TryWriteAsync(httpContext, new HttpStatusError(StatusCodes.Status400BadRequest, e.Message)))
            {
                await Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Bad Request").ExecuteAsync(httpContext);
            }

            return;
        }
        catch (BadHttpRequestException e) when (!httpContext.Response.HasStarted)
        {
            // Kestrel's verdict on the body (too large, truncated): the client's fault, not the function's.
            LogBindingFailed(logger, function.Name, e.Message);
            httpContext.Response.StatusCode = e.StatusCode;
            return;
        }
        catch (Exception e) when (!httpContext.Response.HasStarted && StorageFailures.IsTransient(e, httpContext.RequestAborted))
        {
            // A function that does not frame its calls with OpenStackHttp: a transient storage failure is still
            // the owning service's 503 (ServiceUnavailableException's shape via ServiceErrorShapeMiddleware), not a 500.
            LogStorageUnavailable(logger, e, function.Name);
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        catch (Exception e) when (!httpContext.Response.HasStarted)
        {
            // The detail goes to the log; the body is the owning service's 500 (ServiceErrorShapeMiddleware),
            // or empty, as the Functions host answers, where no service claims the path.
            LogFunctionFailed(logger, e, function.Name);
            httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        await HttpResultWriter.WriteAsync(httpContext, result);
    };

    private static Dictionary<string, object?> BindingData(HttpContext httpContext)
    {
        var data = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in httpContext.Request.Query)
        {
            data[key] = value.ToString();
        }

        foreach (var (key, value) in httpContext.Request.RouteValues)
        {
            data[key] = value;
        }

        return data;
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Function {functionName}: {reason}")]
    private static partial void LogBindingFailed(ILogger logger, string functionName, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Function {functionName}: storage failed transiently, answered 503")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception, string functionName);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Function {functionName} failed")]
    private static partial void LogFunctionFailed(ILogger logger, Exception exception, string functionName);
}
