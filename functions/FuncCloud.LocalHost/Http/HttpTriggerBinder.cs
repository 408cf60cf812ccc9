using System.Reflection;
using System.Text.Json;
using FuncCloud.LocalHost.Invocation;
using Microsoft.Azure.Functions.Worker;
using FromBodyAttribute = Microsoft.Azure.Functions.Worker.Http.FromBodyAttribute;

namespace FuncCloud.LocalHost.Http;

/// <summary>Binds the HTTP request, <c>[FromBody]</c> and the route/query values of one request.</summary>
public sealed class HttpTriggerBinder(HttpContext httpContext, object? body) : ITriggerBinder
{
    /// <inheritdoc />
    public bool TryBind(ParameterInfo parameter, FunctionContext context, out object? value)
    {
        var type = parameter.ParameterType;
        if (type == typeof(HttpRequest))
        {
            value = httpContext.Request;
            return true;
        }

        if (type == typeof(HttpContext))
        {
            value = httpContext;
            return true;
        }

        if (parameter.GetCustomAttribute<FromBodyAttribute>() is not null)
        {
            value = body;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Reads the <c>[FromBody]</c> parameter of <paramref name="method"/>, if it has one.</summary>
    /// <exception cref="FunctionBindingException">The body is not valid JSON for the parameter type.</exception>
    public static async Task<object?> ReadBodyAsync(string functionName, MethodInfo method, HttpRequest request, JsonSerializerOptions json)
    {
        var parameter = method.GetParameters().FirstOrDefault(p => p.GetCustomAttribute<FromBodyAttribute>() is not null);
        if (parameter is null)
        {
            return null;
        }

        if (parameter.ParameterType == typeof(string))
        {
            using var reader = new StreamReader(request.Body);
            return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        }

        try
        {
            return request.ContentLength == 0
                ? null
                : await JsonSerializer.DeserializeAsync(request.Body, parameter.ParameterType, json, request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            throw new FunctionBindingException(functionName, parameter.Name ?? "body", $"the request body is not valid JSON: {e.Message}", e);
        }
    }
}
