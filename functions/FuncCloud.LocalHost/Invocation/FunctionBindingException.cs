namespace FuncCloud.LocalHost.Invocation;

/// <summary>A function parameter could not be bound from its trigger (bad body, unknown parameter ...).</summary>
public sealed class FunctionBindingException(string functionName, string parameterName, string reason, Exception? inner = null)
    : Exception($"Function '{functionName}': cannot bind parameter '{parameterName}': {reason}", inner)
{
    /// <summary>The function being invoked.</summary>
    public string FunctionName { get; } = functionName;

    /// <summary>The parameter that failed to bind.</summary>
    public string ParameterName { get; } = parameterName;
}
