using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.LocalHost.Invocation;

/// <summary>Binds the parameters a trigger provides (the request, the message, the timer info ...).</summary>
public interface ITriggerBinder
{
    /// <summary>Binds <paramref name="parameter"/> when this trigger knows it; returns false otherwise.</summary>
    bool TryBind(ParameterInfo parameter, FunctionContext context, out object? value);
}
