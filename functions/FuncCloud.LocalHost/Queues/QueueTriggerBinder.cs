using System.Reflection;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using FuncCloud.LocalHost.Catalog;
using FuncCloud.LocalHost.Invocation;
using Microsoft.Azure.Functions.Worker;

namespace FuncCloud.LocalHost.Queues;

/// <summary>
/// Binds the <c>[QueueTrigger]</c> parameter the way the queue extension does: string, byte[],
/// <see cref="BinaryData"/>, <see cref="QueueMessage"/>, or a POCO/record deserialized from JSON with the
/// web defaults. A message that does not deserialize fails the invocation, so it is retried and poisoned
/// like any other failure.
/// </summary>
public sealed class QueueTriggerBinder(FunctionDescriptor function, QueueMessage message, QueueMessagePayload payload) : ITriggerBinder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public bool TryBind(ParameterInfo parameter, FunctionContext context, out object? value)
    {
        if (parameter.Member != function.TriggerParameter.Member || parameter.Position != function.TriggerParameter.Position)
        {
            value = null;
            return false;
        }

        value = Convert(parameter);
        return true;
    }

    /// <summary>Whether <paramref name="type"/> binds from JSON (rather than from the text or bytes as such).</summary>
    public static bool IsJsonBound(Type type) =>
        type != typeof(string) && type != typeof(byte[]) && type != typeof(BinaryData) && type != typeof(QueueMessage)
        && type != typeof(ReadOnlyMemory<byte>);

    private object Convert(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type == typeof(string))
        {
            return payload.Text;
        }

        if (type == typeof(byte[]))
        {
            return payload.Bytes.ToArray();
        }

        if (type == typeof(BinaryData))
        {
            return payload.Bytes;
        }

        if (type == typeof(ReadOnlyMemory<byte>))
        {
            return payload.Bytes.ToMemory();
        }

        if (type == typeof(QueueMessage))
        {
            return message;
        }

        try
        {
            return JsonSerializer.Deserialize(payload.Text, type, Json)
                ?? throw Fail(parameter, $"the message is JSON null, not a {type.Name}", null);
        }
        catch (JsonException e)
        {
            throw Fail(parameter, $"the message is not valid JSON for {type.Name}: {e.Message}", e);
        }
    }

    private FunctionBindingException Fail(ParameterInfo parameter, string reason, Exception? inner) =>
        new(function.Name, parameter.Name ?? "message", reason, inner);
}
