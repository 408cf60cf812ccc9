using System.Text.Json;
using Microsoft.DurableTask;

namespace FuncCloud.LocalHost.Durable;

/// <summary>
/// The input of one orchestration execution, convertible to any type on demand. The shim deserializes the
/// raw input once against <see cref="ITaskOrchestrator.InputType"/>; a function-style orchestrator declares no
/// input type (it calls <c>GetInput&lt;T&gt;()</c>), so the input arrives as a <see cref="JsonElement"/> and is
/// converted here with the same <see cref="DataConverter"/>, from its raw JSON text.
/// </summary>
internal sealed class OrchestrationInput(object? value, DataConverter converter)
{
    /// <summary>The input as <typeparamref name="T"/> (default when there is no input).</summary>
    public T Get<T>() => value switch
    {
        null => default!,
        T typed => typed,
        JsonElement json => converter.Deserialize<T>(json.GetRawText())!,
        _ => converter.Deserialize<T>(converter.Serialize(value))!,
    };

    /// <summary>The input as <paramref name="type"/>.</summary>
    public object? Get(Type type) => value switch
    {
        null => null,
        _ when type.IsInstanceOfType(value) => value,
        JsonElement json => converter.Deserialize(json.GetRawText(), type),
        _ => converter.Deserialize(converter.Serialize(value), type),
    };
}
