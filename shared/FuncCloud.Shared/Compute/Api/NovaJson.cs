using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Shared.Compute.Api;

/// <summary>
/// Field readers with nova's JSON-schema semantics: integers may be sent as JSON numbers or digit strings,
/// and a violation is a 400 worded like nova's validator (<c>Invalid input for field/attribute ram. ...</c>).
/// </summary>
public static class NovaJson
{
    /// <summary>A required integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int RequireInt(this JsonObject parent, string name, int min, int max = int.MaxValue) =>
        parent.OptionalInt(name, min, max) ?? throw Invalid(name, "None", $"'{name}' is a required property");

    /// <summary>An optional integer in [<paramref name="min"/>, <paramref name="max"/>] (null when absent or null).</summary>
    public static int? OptionalInt(this JsonObject parent, string name, int min, int max = int.MaxValue)
    {
        var node = parent[name];
        if (node is null)
        {
            return null;
        }

        long value;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out long number))
        {
            value = number;
        }
        else if (node is JsonValue s && s.TryGetValue(out string? text) && text.Length > 0 && text.TrimStart('-').All(char.IsAsciiDigit)
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
        }
        else
        {
            throw Invalid(name, node.ToJsonString(), $"{node.ToJsonString()} is not of type 'integer', 'string'");
        }

        if (value < min)
        {
            throw Invalid(name, value.ToString(CultureInfo.InvariantCulture), $"{value} is less than the minimum of {min}");
        }

        return value > max
            ? throw Invalid(name, value.ToString(CultureInfo.InvariantCulture), $"{value} is greater than the maximum of {max}")
            : (int)value;
    }

    /// <summary>An optional number greater than zero (nova's <c>rxtx_factor</c>).</summary>
    public static double? OptionalPositiveNumber(this JsonObject parent, string name)
    {
        var node = parent[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && (v.TryGetValue(out double number) || (v.TryGetValue(out string? text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number))))
        {
            return number > 0 ? number : throw Invalid(name, node.ToJsonString(), $"{node.ToJsonString()} is less than or equal to the minimum of 0");
        }

        throw Invalid(name, node.ToJsonString(), $"{node.ToJsonString()} is not of type 'number', 'string'");
    }

    /// <summary>A boolean that nova also accepts as <c>"true"</c>/<c>"false"</c>, <c>"1"</c>/<c>"0"</c> etc.</summary>
    public static bool? OptionalBoolean(this JsonObject parent, string name)
    {
        var node = parent[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.TryGetValue(out bool flag))
        {
            return flag;
        }

        if (node is JsonValue s && s.TryGetValue(out string? text) && ParseBoolean(text) is { } parsed)
        {
            return parsed;
        }

        throw Invalid(name, node.ToJsonString(), $"{node.ToJsonString()} is not of type 'boolean', 'string'");
    }

    /// <summary>oslo's <c>bool_from_string</c> strict set; null when not a boolean word.</summary>
    public static bool? ParseBoolean(string? text) => FuncCloud.Shared.OpenStack.Validation.QueryParameters.ParseBoolean(text);

    /// <summary>Rejects properties other than <paramref name="allowed"/> (nova's <c>additionalProperties: false</c>).</summary>
    public static void RejectUnknown(this JsonObject parent, string member, params string[] allowed)
    {
        var unexpected = parent.Select(p => p.Key).Where(k => !allowed.Contains(k, StringComparer.Ordinal)).ToList();
        if (unexpected.Count > 0)
        {
            throw new BadRequestException($"Invalid input for field/attribute {member}. Value: {parent.ToJsonString()}. Additional properties are not allowed ({string.Join(", ", unexpected.Select(u => $"'{u}'"))} {(unexpected.Count == 1 ? "was" : "were")} unexpected)");
        }
    }

    /// <summary>The required object member <paramref name="name"/> of a request body.</summary>
    public static JsonObject RequireMember(this JsonObject body, string name) =>
        body[name] as JsonObject ?? throw Invalid(name, body[name]?.ToJsonString() ?? "None", body[name] is null ? $"'{name}' is a required property" : $"{body[name]!.ToJsonString()} is not of type 'object'");

    /// <summary>A 400 in nova's validation wording.</summary>
    public static BadRequestException Invalid(string name, string value, string detail) =>
        new($"Invalid input for field/attribute {name}. Value: {value}. {detail}");
}
