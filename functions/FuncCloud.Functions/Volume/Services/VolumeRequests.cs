using System.Globalization;
using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Functions.Volume.Services;

/// <summary>Field parsing shared by the block storage requests, with cinder's messages.</summary>
public static class VolumeRequests
{
    /// <summary>A size in GB: an integer (or an integer string, as cinder accepts) of at least 1, or null when absent.</summary>
    public static int? OptionalSize(JsonObject body, string name)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        int size;
        if (node is JsonValue value && value.TryGetValue(out int number))
        {
            size = number;
        }
        else if (node is JsonValue text && text.TryGetValue(out string? s) && int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            size = parsed;
        }
        else
        {
            throw JsonRequest.Invalid(name, node, "integer");
        }

        return size >= 1 ? size : throw new BadRequestException($"Invalid input for field/attribute {name}. Value: {size}. {size} is less than the minimum of 1");
    }

    /// <summary>A string → string map (metadata), or null when absent.</summary>
    public static Dictionary<string, string>? OptionalMetadata(JsonObject body, string name = "metadata")
    {
        if (body.OptionalObject(name) is not { } map)
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            if (key.Length is 0 or > 255)
            {
                throw new BadRequestException($"Invalid input for field/attribute {name}. Metadata key must be 1 to 255 characters.");
            }

            result[key] = value is JsonValue v && v.TryGetValue(out string? s) && s.Length <= 255
                ? s
                : throw new BadRequestException($"Invalid input for field/attribute {name}. Value of '{key}' must be a string of at most 255 characters.");
        }

        return result;
    }

    /// <summary>cinder's boolean strings (<c>true/false/1/0/yes/no/on/off</c>) or JSON booleans.</summary>
    public static bool RequireBoolean(JsonObject body, string name)
    {
        var node = body[name];
        if (node is JsonValue value && value.TryGetValue(out bool flag))
        {
            return flag;
        }

        if (node is JsonValue text && text.TryGetValue(out string? s))
        {
            switch (s.ToLowerInvariant())
            {
                case "true" or "1" or "yes" or "y" or "on" or "t":
                    return true;
                case "false" or "0" or "no" or "n" or "off" or "f":
                    return false;
            }
        }

        throw new BadRequestException($"Invalid input for field/attribute {name}. Value: {node?.ToJsonString() ?? "None"}. {node?.ToJsonString() ?? "None"} is not of type 'boolean'");
    }
}
