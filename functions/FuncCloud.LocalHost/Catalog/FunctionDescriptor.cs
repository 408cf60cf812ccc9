using System.Reflection;

namespace FuncCloud.LocalHost.Catalog;

/// <summary>One discovered <c>[Function]</c> method and the trigger that starts it.</summary>
/// <param name="Name">The function name from <c>[Function(name)]</c>.</param>
/// <param name="Method">The method to invoke.</param>
/// <param name="TriggerParameter">The parameter carrying the trigger attribute.</param>
/// <param name="Trigger">The trigger attribute itself (HttpTrigger, QueueTrigger, ...).</param>
public sealed record FunctionDescriptor(string Name, MethodInfo Method, ParameterInfo TriggerParameter, Attribute Trigger)
{
    /// <summary>The trigger attribute as <typeparamref name="T"/>, or null when it is another kind.</summary>
    public T? TriggerAs<T>() where T : Attribute => Trigger as T;
}
