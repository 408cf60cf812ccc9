using System.Text.Json.Nodes;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Functions.Image.Services;

/// <summary>
/// Applies a Glance JSON-patch (<c>application/openstack-images-v2.1-json-patch</c>, or the legacy v2.0 form): <c>add</c>,
/// <c>replace</c> and <c>remove</c> on top-level paths (core attributes or additional properties).
/// </summary>
public static class ImagePatch
{
    /// <summary>The media types Glance accepts for PATCH.</summary>
    public static readonly IReadOnlyList<string> MediaTypes =
        ["application/openstack-images-v2.1-json-patch", "application/openstack-images-v2.0-json-patch"];

    /// <summary>The legacy media type, whose operations name their op as the key: <c>{"replace": "/name", "value": "x"}</c>.</summary>
    public const string LegacyMediaType = "application/openstack-images-v2.0-json-patch";

    /// <summary>Rewrites legacy (v2.0) operations into the v2.1 form <see cref="Apply"/> reads, as Glance does.</summary>
    /// <exception cref="BadRequestException">An operation names no op, or more than one.</exception>
    public static JsonArray FromLegacy(JsonArray operations) => new([.. operations.Select(node =>
    {
        if (node is not JsonObject operation)
        {
            throw new BadRequestException("Operations must be JSON objects.");
        }

        string[] ops = ["add", "replace", "remove"];
        var named = ops.Where(operation.ContainsKey).ToList();
        if (named.Count != 1)
        {
            throw new BadRequestException("Operation objects must contain exactly one member named \"add\", \"remove\", or \"replace\".");
        }

        var converted = new JsonObject { ["op"] = named[0], ["path"] = operation[named[0]]?.DeepClone() };
        if (operation.TryGetPropertyValue("value", out var value))
        {
            converted["value"] = value?.DeepClone();
        }

        return (JsonNode)converted;
    })]);

    /// <summary>Applies <paramref name="operations"/> in order.</summary>
    /// <exception cref="BadRequestException">An operation is malformed.</exception>
    public static ImageRecord Apply(ImageRecord image, JsonArray operations)
    {
        foreach (var node in operations)
        {
            if (node is not JsonObject operation)
            {
                throw new BadRequestException("Operations must be JSON objects.");
            }

            var op = operation["op"] is JsonValue o && o.TryGetValue(out string? opText) ? opText : throw new BadRequestException("Unable to find 'op' in JSON Schema change");
            var path = operation["path"] is JsonValue p && p.TryGetValue(out string? pathText) ? pathText : throw new BadRequestException("Unable to find 'path' in JSON Schema change");
            var name = Attribute(path);
            image = op switch
            {
                "add" or "replace" when !operation.ContainsKey("value") => throw new BadRequestException($"Operation \"{op}\" requires a member named \"value\"."),
                "add" => ImageAttributes.Set(image, name, operation["value"]?.DeepClone()),
                "replace" when !ImageFormats.IsCore(name) && !ImageFormats.IsReadOnly(name) && !image.Properties.ContainsKey(name) =>
                    throw new ConflictException($"Property {name} does not exist."),
                "replace" => ImageAttributes.Set(image, name, operation["value"]?.DeepClone()),
                "remove" => ImageAttributes.Remove(image, name),
                _ => throw new BadRequestException($"Invalid operation: `{op}`: Operation \"{op}\" is not supported; valid operations are add, replace, remove."),
            };
        }

        return image;
    }

    // JSON pointer of depth one: "/name", with ~1 → "/" and ~0 → "~" (RFC 6901).
    private static string Attribute(string path)
    {
        if (!path.StartsWith('/') || path.Length < 2 || path.IndexOf('/', 1) >= 0)
        {
            throw new BadRequestException($"Invalid JSON pointer for this resource: '{path}'");
        }

        return path[1..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
    }
}
