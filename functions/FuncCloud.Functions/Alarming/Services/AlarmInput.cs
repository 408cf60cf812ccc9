using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Functions.Alarming.Services;

/// <summary>wsme's field readers: a wrong type or a missing mandatory field is a 400 naming the attribute, as wsme words it.</summary>
public static class AlarmInput
{
    /// <summary>wsme's InvalidInput.</summary>
    public static BadRequestException Invalid(string name, JsonNode? value, string reason) =>
        new($"Invalid input for field/attribute {name}. Value: '{Show(value)}'. {reason}");

    /// <summary>A mandatory text attribute.</summary>
    public static string RequireText(JsonObject body, string name) =>
        OptionalText(body, name) ?? throw Invalid(name, null, "Mandatory field missing.");

    /// <summary>An optional text attribute (null when absent or null).</summary>
    public static string? OptionalText(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => throw Invalid(name, other, "Wrong type. Expected '<class 'str'>', got '" + Kind(other) + "'"),
    };

    /// <summary>An optional boolean attribute.</summary>
    public static bool? OptionalBool(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>(), out var flag) => flag,
        var other => throw Invalid(name, other, "Wrong type. Expected '<class 'bool'>', got '" + Kind(other) + "'"),
    };

    /// <summary>An optional integer attribute of at least <paramref name="minimum"/>.</summary>
    public static int? OptionalInt(JsonObject body, string name, int minimum)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        long value;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out long number))
        {
            value = number;
        }
        else if (node is JsonValue s && s.GetValueKind() == JsonValueKind.String && long.TryParse(s.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
        }
        else
        {
            throw Invalid(name, node, "Invalid integer value");
        }

        return value < minimum ? throw Invalid(name, node, $"Value should be greater or equal to {minimum}")
            : value > int.MaxValue ? throw Invalid(name, node, $"Value should be lower or equal to {int.MaxValue}")
            : (int)value;
    }

    /// <summary>A mandatory float attribute (a finite number).</summary>
    public static double RequireFloat(JsonObject body, string name)
    {
        var node = body[name] ?? throw Invalid(name, null, "Mandatory field missing.");
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out double number) && double.IsFinite(number))
        {
            return number;
        }

        if (node is JsonValue s && s.GetValueKind() == JsonValueKind.String
            && double.TryParse(s.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
        {
            return parsed;
        }

        throw Invalid(name, node, "Invalid float value");
    }

    /// <summary>An optional list of text values.</summary>
    public static IReadOnlyList<string>? OptionalTextList(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonArray items => [.. items.Select(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw Invalid(name, items, "Wrong type. Expected '[<class 'str'>]'"))],
        var other => throw Invalid(name, other, "Wrong type. Expected '[<class 'str'>]', got '" + Kind(other) + "'"),
    };

    /// <summary>An enumerated text attribute.</summary>
    public static string? OptionalEnum(JsonObject body, string name, IReadOnlyList<string> allowed)
    {
        var value = OptionalText(body, name);
        return value is null || allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw Invalid(name, body[name], "Value should be one of: " + string.Join(", ", allowed));
    }

    /// <summary>Refuses attributes the model does not have (wsme's "Unknown attribute").</summary>
    public static void RejectUnknown(JsonObject body, IReadOnlySet<string> known, string argument)
    {
        var unknown = body.Select(p => p.Key).Where(k => !known.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new BadRequestException($"Unknown attribute for argument {argument}: {string.Join(", ", unknown)}");
        }
    }

    private static string Show(JsonNode? value) => value switch
    {
        null => "None",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    private static string Kind(JsonNode node) => node switch
    {
        JsonObject => "<class 'dict'>",
        JsonArray => "<class 'list'>",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "<class 'str'>",
            JsonValueKind.Number => "<class 'int'>",
            JsonValueKind.True or JsonValueKind.False => "<class 'bool'>",
            _ => "<class 'NoneType'>",
        },
        _ => "<class 'NoneType'>",
    };
}
