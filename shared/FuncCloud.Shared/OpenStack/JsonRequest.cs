using System.Text.Json;
using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.OpenStack.Validation;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.OpenStack;

/// <summary>
/// Reads and validates JSON request bodies field by field, so that a bad body is a 400 naming the field
/// (the way keystone's JSON-schema validation reports it) and never a 500.
/// </summary>
public static class JsonRequest
{
    /// <summary>Reads the body as a JSON object.</summary>
    /// <exception cref="BadRequestException">The body is empty, malformed (see <see cref="JsonBody"/>), or not an object.</exception>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken) =>
        await JsonBody.ReadAsync(request, cancellationToken) as JsonObject
            ?? throw new BadRequestException("The request body must be a JSON object.");

    /// <summary>Reads the body as a JSON array (e.g. a JSON-patch document).</summary>
    /// <exception cref="BadRequestException">The body is empty, malformed, or not an array.</exception>
    public static async Task<JsonArray> ReadArrayAsync(HttpRequest request, CancellationToken cancellationToken) =>
        await JsonBody.ReadAsync(request, cancellationToken) as JsonArray
            ?? throw new BadRequestException("The request body must be a JSON array.");

    /// <summary>Reads the body into <typeparamref name="T"/>; a missing or null non-nullable member is a 400.</summary>
    /// <exception cref="BadRequestException">The body is malformed or does not fit <typeparamref name="T"/>.</exception>
    public static async Task<T> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        var node = await JsonBody.ReadAsync(request, cancellationToken);
        try
        {
            return node.Deserialize<T>(JsonBody.Strict(options)) ?? throw new BadRequestException("The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new BadRequestException($"Invalid request body: {JsonBody.Describe(e)}", e);
        }
    }

    /// <summary>The object property <paramref name="name"/>; required.</summary>
    public static JsonObject RequireObject(this JsonObject parent, string name) =>
        parent[name] as JsonObject ?? throw Invalid(name, parent[name], "object");

    /// <summary>The object property <paramref name="name"/>, or null when absent.</summary>
    public static JsonObject? OptionalObject(this JsonObject parent, string name) => parent[name] switch
    {
        null => null,
        JsonObject o => o,
        var other => throw Invalid(name, other, "object"),
    };

    /// <summary>The array property <paramref name="name"/>, or null when absent.</summary>
    public static JsonArray? OptionalArray(this JsonObject parent, string name) => parent[name] switch
    {
        null => null,
        JsonArray a => a,
        var other => throw Invalid(name, other, "array"),
    };

    /// <summary>A required non-empty string of at most <paramref name="maxLength"/> characters.</summary>
    public static string RequireString(this JsonObject parent, string name, int maxLength = 255) =>
        parent.OptionalString(name, maxLength) is { Length: > 0 } value ? value : throw Invalid(name, parent[name], "non-empty string");

    /// <summary>A required name: 1 to <paramref name="maxLength"/> characters, <see cref="TextRules"/>' rules.</summary>
    public static string RequireName(this JsonObject parent, string name, int maxLength = 255) =>
        TextRules.Name(name, parent.RequireString(name, maxLength), maxLength);

    /// <summary>An optional name (null when absent or null), <see cref="TextRules"/>' rules.</summary>
    public static string? OptionalName(this JsonObject parent, string name, int maxLength = 255) =>
        parent.OptionalString(name, maxLength) is { } value ? TextRules.Name(name, value, maxLength) : null;

    /// <summary>An optional string (null when absent or null).</summary>
    public static string? OptionalString(this JsonObject parent, string name, int maxLength = 65535)
    {
        var node = parent[name];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue value || !value.TryGetValue(out string? text))
        {
            throw Invalid(name, node, "string");
        }

        return text.Length <= maxLength ? text : throw new BadRequestException($"Invalid input for field '{name}': the value is longer than {maxLength} characters.");
    }

    /// <summary>An optional boolean (null when absent or null).</summary>
    public static bool? OptionalBool(this JsonObject parent, string name)
    {
        var node = parent[name];
        if (node is null)
        {
            return null;
        }

        return node is JsonValue value && value.TryGetValue(out bool flag) ? flag : throw Invalid(name, node, "boolean");
    }

    /// <summary>An optional ISO 8601 timestamp, in UTC.</summary>
    public static DateTimeOffset? OptionalTimestamp(this JsonObject parent, string name)
    {
        var text = parent.OptionalString(name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var when)
            ? when.ToUniversalTime()
            : throw new BadRequestException($"Invalid input for field '{name}': '{text}' is not a valid timestamp.");
    }

    /// <summary>A list of strings (null when absent).</summary>
    public static IReadOnlyList<string>? OptionalStringList(this JsonObject parent, string name) =>
        parent.OptionalArray(name)?.Select(n => n is JsonValue v && v.TryGetValue(out string? s) ? s : throw Invalid(name, n, "array of strings")).ToList();

    /// <summary>The 400 for a field of the wrong type.</summary>
    public static BadRequestException Invalid(string name, JsonNode? actual, string expected) =>
        new($"Invalid input for field '{name}': {(actual is null ? "None" : actual.ToJsonString())} is not a valid {expected}.");
}
