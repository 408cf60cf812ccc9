using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;

namespace FuncCloud.Functions.Network.Services;

/// <summary>Typed reads of Neutron attribute maps (request bodies and stored documents), with neutron's 400s.</summary>
public static class Attributes
{
    /// <summary>The string attribute, or null when absent or null.</summary>
    public static string? Str(this JsonObject doc, string name)
    {
        var node = doc[name];
        if (node is null)
        {
            return null;
        }

        return node is JsonValue value && value.TryGetValue(out string? text)
            ? text
            : throw NeutronException.InvalidInput($"'{node.ToJsonString()}' is not a valid string for '{name}'.");
    }

    /// <summary>The string attribute or <paramref name="fallback"/>, limited to <paramref name="maxLength"/>.</summary>
    public static string StrOr(this JsonObject doc, string name, string fallback, int maxLength = 255)
    {
        var text = doc.Str(name) ?? fallback;
        return text.Length <= maxLength ? text : throw NeutronException.InvalidInput($"'{text}' exceeds maximum length of {maxLength} for '{name}'.");
    }

    /// <summary>The boolean attribute (neutron also takes "true"/"false" strings), or <paramref name="fallback"/>.</summary>
    public static bool Bool(this JsonObject doc, string name, bool fallback)
    {
        var node = doc[name];
        return node switch
        {
            null => fallback,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            JsonValue v when v.TryGetValue(out string? s) && bool.TryParse(s, out var b) => b,
            _ => throw NeutronException.InvalidInput($"'{node.ToJsonString()}' is not a valid boolean value for '{name}'."),
        };
    }

    /// <summary>The integer attribute, or null when absent or null.</summary>
    public static long? Int(this JsonObject doc, string name)
    {
        var node = doc[name];
        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && long.TryParse(v.ToJsonString(), CultureInfo.InvariantCulture, out var n) => n,
            JsonValue v when v.TryGetValue(out string? s) && long.TryParse(s, CultureInfo.InvariantCulture, out var n) => n,
            _ => throw NeutronException.InvalidInput($"'{node.ToJsonString()}' is not an integer for '{name}'."),
        };
    }

    /// <summary>The array attribute, or null when absent or null.</summary>
    public static JsonArray? Array(this JsonObject doc, string name) => doc[name] switch
    {
        null => null,
        JsonArray a => a,
        var other => throw NeutronException.InvalidInput($"'{other.ToJsonString()}' is not a list for '{name}'."),
    };

    /// <summary>The list of strings, or null when absent.</summary>
    public static List<string>? Strings(this JsonObject doc, string name) =>
        doc.Array(name)?.Select(n => n is JsonValue v && v.TryGetValue(out string? s) ? s : throw NeutronException.InvalidInput($"'{n?.ToJsonString()}' is not a string in '{name}'.")).ToList();

    /// <summary>The objects of an array attribute (empty when absent).</summary>
    public static IEnumerable<JsonObject> Objects(this JsonObject doc, string name) =>
        (doc.Array(name) ?? []).Select(n => n as JsonObject ?? throw NeutronException.InvalidInput($"'{n?.ToJsonString()}' is not a dict in '{name}'."));

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray ToJsonArray(this IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>A deep copy of a document.</summary>
    public static JsonObject Copy(this JsonObject doc) => doc.DeepClone().AsObject();

    /// <summary>The document's id.</summary>
    public static string Id(this JsonObject doc) => doc["id"]!.GetValue<string>();

    /// <summary>The document's project.</summary>
    public static string Project(this JsonObject doc) => doc.Str("project_id") ?? string.Empty;

    /// <summary>Neutron's timestamp format (<c>2026-12-01T22:13:00Z</c>).</summary>
    public static string Timestamp(DateTimeOffset when) => when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
