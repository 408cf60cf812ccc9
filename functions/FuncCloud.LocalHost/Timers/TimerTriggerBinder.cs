using System.Reflection;
using FuncCloud.LocalHost.Catalog;
using FuncCloud.LocalHost.Invocation;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.LocalHost.Timers;

/// <summary>Binds the <c>[TimerTrigger]</c> parameter to the <see cref="TimerInfo"/> of the occurrence.</summary>
public sealed class TimerTriggerBinder(FunctionDescriptor function, TimerInfo timer) : ITriggerBinder
{
    /// <inheritdoc />
    public bool TryBind(ParameterInfo parameter, FunctionContext context, out object? value)
    {
        if (parameter.Member != function.TriggerParameter.Member || parameter.Position != function.TriggerParameter.Position)
        {
            value = null;
            return false;
        }

        value = parameter.ParameterType.IsAssignableFrom(typeof(TimerInfo))
            ? timer
            : throw new FunctionBindingException(function.Name, parameter.Name ?? "timer", $"a timer trigger binds TimerInfo, not {parameter.ParameterType.Name}");
        return true;
    }
}
