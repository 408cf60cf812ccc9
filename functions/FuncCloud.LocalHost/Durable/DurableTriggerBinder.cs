using System.Reflection;
using FuncCloud.LocalHost.Catalog;
using FuncCloud.LocalHost.Invocation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace FuncCloud.LocalHost.Durable;

/// <summary>
/// Binds an orchestrator's <c>[OrchestrationTrigger] TaskOrchestrationContext</c> and its optional input
/// parameter (any other parameter no common binding provides, as the isolated worker does).
/// </summary>
internal sealed class OrchestrationTriggerBinder(FunctionDescriptor function, TaskOrchestrationContext context, OrchestrationInput input) : ITriggerBinder
{
    public bool TryBind(ParameterInfo parameter, FunctionContext functionContext, out object? value)
    {
        if (parameter.Position == function.TriggerParameter.Position || parameter.ParameterType == typeof(TaskOrchestrationContext))
        {
            value = context;
            return true;
        }

        if (parameter.Position == InputParameter(function)?.Position)
        {
            value = input.Get(parameter.ParameterType);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The parameter that receives the orchestration input, if the function declares one.</summary>
    public static ParameterInfo? InputParameter(FunctionDescriptor function) =>
        function.Method.GetParameters().FirstOrDefault(p =>
            p.Position != function.TriggerParameter.Position
            && p.ParameterType != typeof(FunctionContext)
            && p.ParameterType != typeof(CancellationToken)
            && p.ParameterType != typeof(ILogger)
            && p.ParameterType != typeof(TaskOrchestrationContext)
            && p.GetCustomAttribute<DurableClientAttribute>() is null);
}

/// <summary>Binds an activity's <c>[ActivityTrigger]</c> input (already deserialized) and its context.</summary>
internal sealed class ActivityTriggerBinder(FunctionDescriptor function, TaskActivityContext context, object? input) : ITriggerBinder
{
    public bool TryBind(ParameterInfo parameter, FunctionContext functionContext, out object? value)
    {
        if (parameter.ParameterType == typeof(TaskActivityContext))
        {
            value = context;
            return true;
        }

        if (parameter.Position == function.TriggerParameter.Position)
        {
            value = input;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The type the activity input is deserialized to: the trigger parameter's type.</summary>
    public static Type InputType(FunctionDescriptor function) =>
        function.TriggerParameter.ParameterType == typeof(TaskActivityContext) ? typeof(object) : function.TriggerParameter.ParameterType;
}
