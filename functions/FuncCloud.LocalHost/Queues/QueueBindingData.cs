using System.Text.Json;
using Azure.Storage.Queues.Models;

namespace FuncCloud.LocalHost.Queues;

/// <summary>
/// The binding data of a queue-triggered invocation, with the names the queue extension uses, so other
/// parameters bind by name (<c>string id</c>, <c>long dequeueCount</c>, <c>DateTimeOffset insertionTime</c> ...).
/// For a JSON trigger, the top-level properties of the message are binding data too, as in Functions.
/// </summary>
public static class QueueBindingData
{
    /// <summary>Name of the message id.</summary>
    public const string Id = "id";

    /// <summary>Name of the number of times the message has been received, this time included.</summary>
    public const string DequeueCount = "dequeueCount";

    /// <summary>Name of the time the message was added.</summary>
    public const string InsertionTime = "insertionTime";

    /// <summary>Name of the time the message expires.</summary>
    public const string ExpirationTime = "expirationTime";

    /// <summary>Name of the time the message becomes visible again.</summary>
    public const string NextVisibleTime = "nextVisibleTime";

    /// <summary>Name of the receipt of this receive.</summary>
    public const string PopReceipt = "popReceipt";

    /// <summary>Name of the message text, as the Functions host calls it.</summary>
    public const string QueueTrigger = "QueueTrigger";

    /// <summary>Builds the binding data of <paramref name="message"/>.</summary>
    public static IReadOnlyDictionary<string, object?> Create(QueueMessage message, QueueMessagePayload payload, Type triggerType)
    {
        var data = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            [Id] = message.MessageId,
            [DequeueCount] = message.DequeueCount,
            [InsertionTime] = message.InsertedOn,
            [ExpirationTime] = message.ExpiresOn,
            [NextVisibleTime] = message.NextVisibleOn,
            [PopReceipt] = message.PopReceipt,
            [QueueTrigger] = payload.Text,
        };
        if (QueueTriggerBinder.IsJsonBound(triggerType))
        {
            AddJsonProperties(data, payload.Text);
        }

        return data;
    }

    private static void AddJsonProperties(Dictionary<string, object?> data, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                // System properties win: a message field called "id" must not hide the message id.
                data.TryAdd(property.Name, ToBindingValue(property.Value));
            }
        }
        catch (JsonException)
        {
            // Not JSON: the trigger binding reports it, with the function and parameter names.
        }
    }

    // Scalars become strings so BindingValueConverter parses them into whatever type the parameter has.
    private static object? ToBindingValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.Clone(),
    };
}
