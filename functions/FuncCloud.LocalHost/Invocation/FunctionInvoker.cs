using System.Reflection;
using FuncCloud.LocalHost.Catalog;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace FuncCloud.LocalHost.Invocation;

/// <summary>
/// Invokes a function the way the isolated worker does: a fresh instance from DI per invocation (or the
/// static method), parameters bound by the trigger first and then by the common bindings
/// (<see cref="FunctionContext"/>, <see cref="CancellationToken"/>, <see cref="ILogger"/>,
/// <c>[DurableClient]</c>), and the awaited result handed back to the trigger.
/// </summary>
public sealed class FunctionInvoker(IServiceScopeFactory scopes)
{
    /// <summary>Invokes <paramref name="function"/> in a new DI scope.</summary>
    public async Task<object?> InvokeAsync(FunctionDescriptor function, ITriggerBinder binder, IReadOnlyDictionary<string, object?> bindingData, CancellationToken cancellationToken, int retryCount = 0, int maxRetryCount = 0)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = new LocalFunctionContext(function, scope.ServiceProvider, bindingData, cancellationToken, retryCount, maxRetryCount);
        return await InvokeAsync(function, binder, context);
    }

    /// <summary>Invokes <paramref name="function"/> with an existing context (its services are the scope).</summary>
    public async Task<object?> InvokeAsync(FunctionDescriptor function, ITriggerBinder binder, FunctionContext context)
    {
        var method = function.Method;
        var arguments = method.GetParameters().Select(p => Bind(function, p, binder, context)).ToArray();
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(context.InstanceServices, method.DeclaringType!);
        try
        {
            var result = method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            return await UnwrapAsync(method.ReturnType, result);
        }
        finally
        {
            switch (target)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static object? Bind(FunctionDescriptor function, ParameterInfo parameter, ITriggerBinder binder, FunctionContext context)
    {
        if (binder.TryBind(parameter, context, out var value))
        {
            return value;
        }

        var type = parameter.ParameterType;
        if (type == typeof(FunctionContext))
        {
            return context;
        }

        if (type == typeof(CancellationToken))
        {
            return context.CancellationToken;
        }

        if (type == typeof(ILogger))
        {
            return context.InstanceServices.GetRequiredService<ILoggerFactory>().CreateLogger($"Function.{function.Name}");
        }

        if (parameter.GetCustomAttribute<DurableClientAttribute>() is not null)
        {
            return context.InstanceServices.GetService<DurableTaskClient>()
                ?? throw new FunctionBindingException(function.Name, parameter.Name ?? "?", "no durable client is configured on this host");
        }

        if (context.BindingContext.BindingData.TryGetValue(parameter.Name ?? string.Empty, out var data) && data is not null)
        {
            return BindingValueConverter.Convert(data, type);
        }

        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue;
        }

        throw new FunctionBindingException(function.Name, parameter.Name ?? "?", $"no binding provides a value of type {type.Name}");
    }

    private static async Task<object?> UnwrapAsync(Type returnType, object? result)
    {
        switch (result)
        {
            case Task task:
                await task;
                return returnType.IsGenericType ? returnType.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            case not null when returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>):
                var asTask = (Task)returnType.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(result, null)!;
                await asTask;
                return asTask.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(asTask);
            default:
                return result;
        }
    }
}
