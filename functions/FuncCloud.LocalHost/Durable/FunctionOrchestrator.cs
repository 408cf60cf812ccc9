using FuncCloud.LocalHost.Catalog;
using FuncCloud.LocalHost.Invocation;
using Microsoft.DurableTask;

namespace FuncCloud.LocalHost.Durable;

/// <summary>
/// Runs an <c>[OrchestrationTrigger]</c> function for the DTFx shim. Every replay invokes the function anew
/// (fresh instance, fresh DI scope), with no token and no I/O of its own, so replays stay deterministic.
/// </summary>
internal sealed class FunctionOrchestrator(FunctionDescriptor function, FunctionInvoker invoker, DataConverter converter, ILoggerFactory loggerFactory)
    : ITaskOrchestrator
{
    public Type InputType { get; } = OrchestrationTriggerBinder.InputParameter(function)?.ParameterType ?? typeof(object);

    public Type OutputType => typeof(object);

    public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var orchestrationInput = new OrchestrationInput(input, converter);
        var functionContext = new FunctionOrchestrationContext(context, orchestrationInput, context.Parent ?? OrchestrationParent.Value, loggerFactory);
        var bindingData = new Dictionary<string, object?> { ["instanceId"] = context.InstanceId };
        var binder = new OrchestrationTriggerBinder(function, functionContext, orchestrationInput);
        return await invoker.InvokeAsync(function, binder, bindingData, CancellationToken.None);
    }
}

/// <summary>Runs an <c>[ActivityTrigger]</c> function for the DTFx shim.</summary>
internal sealed class FunctionActivity(FunctionDescriptor function, FunctionInvoker invoker, CancellationToken stopping) : ITaskActivity
{
    public Type InputType { get; } = ActivityTriggerBinder.InputType(function);

    public Type OutputType => typeof(object);

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        var bindingData = new Dictionary<string, object?> { ["instanceId"] = context.InstanceId };
        return await invoker.InvokeAsync(function, new ActivityTriggerBinder(function, context, input), bindingData, stopping);
    }
}
