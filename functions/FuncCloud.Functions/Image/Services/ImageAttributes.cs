using System.Text.Json.Nodes;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.OpenStack.Validation;

namespace FuncCloud.Functions.Image.Services;

/// <summary>Validates and applies one attribute (core or additional property) to an image: used by create and PATCH.</summary>
public static class ImageAttributes
{
    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/>.</summary>
    /// <exception cref="ForbiddenException">The attribute is read-only.</exception>
    /// <exception cref="BadRequestException">The value is invalid.</exception>
    public static ImageRecord Set(ImageRecord image, string name, JsonNode? value)
    {
        if (ImageFormats.IsReadOnly(name))
        {
            throw new ForbiddenException($"Attribute '{name}' is read-only.");
        }

        return name switch
        {
            "name" => image with { Name = OptionalString(name, value, 255) is { } text ? TextRules.Name(name, text) : null },
            "visibility" => image with { Visibility = Enum(name, value, ImageVisibility.All) },
            "protected" => image with { Protected = Bool(name, value) },
            "os_hidden" => image with { OsHidden = Bool(name, value) },
            "disk_format" => image with { DiskFormat = OptionalEnum(name, value, ImageFormats.Disk) },
            "container_format" => image with { ContainerFormat = OptionalEnum(name, value, ImageFormats.Container) },
            "min_ram" => image with { MinRam = NonNegative(name, value) },
            "min_disk" => image with { MinDisk = NonNegative(name, value) },
            "tags" => image with { Tags = Tags(value) },
            "owner" => image with { Owner = OptionalString(name, value, 255) ?? throw Invalid(name, value) },
            _ => image with { Properties = WithProperty(image.Properties, name, PropertyValue(name, value)) },
        };
    }

    /// <summary>Removes an additional property.</summary>
    /// <exception cref="ForbiddenException">A core or read-only attribute cannot be removed.</exception>
    /// <exception cref="ConflictException">The property does not exist.</exception>
    public static ImageRecord Remove(ImageRecord image, string name)
    {
        if (ImageFormats.IsReadOnly(name) || ImageFormats.IsCore(name))
        {
            throw new ForbiddenException($"Attribute '{name}' is read-only or required and cannot be removed.");
        }

        if (!image.Properties.ContainsKey(name))
        {
            throw new ConflictException($"Property {name} does not exist.");
        }

        var properties = new Dictionary<string, string>(image.Properties);
        properties.Remove(name);
        return image with { Properties = properties };
    }

    private static Dictionary<string, string> WithProperty(IReadOnlyDictionary<string, string> properties, string name, string value)
    {
        if (name.Length is 0 or > 255 || TextRules.Problem(name) is not null)
        {
            throw new BadRequestException($"Invalid property name '{TextRules.Printable(name)}'.");
        }

        if (TextRules.Problem(value) is { } problem)
        {
            throw new BadRequestException($"Invalid value for property '{name}': {problem}.");
        }

        return new Dictionary<string, string>(properties) { [name] = value };
    }

    private static string PropertyValue(string name, JsonNode? value) =>
        value is JsonValue v && v.TryGetValue(out string? text)
            ? text
            : throw new BadRequestException($"Provided object does not match schema 'image': {value?.ToJsonString() ?? "None"} is not of type 'string' (property '{name}').");

    private static string? OptionalString(string name, JsonNode? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        if (value is not JsonValue v || !v.TryGetValue(out string? text))
        {
            throw Invalid(name, value);
        }

        return text.Length <= maxLength ? text : throw new BadRequestException($"Provided object does not match schema 'image': '{name}' is too long.");
    }

    private static string Enum(string name, JsonNode? value, IReadOnlySet<string> allowed) =>
        OptionalEnum(name, value, allowed) ?? throw Invalid(name, value);

    private static string? OptionalEnum(string name, JsonNode? value, IReadOnlySet<string> allowed)
    {
        var text = OptionalString(name, value, 255);
        return text is null || allowed.Contains(text)
            ? text
            : throw new BadRequestException($"Provided object does not match schema 'image': '{text}' is not one of [{string.Join(", ", allowed.Select(a => $"'{a}'"))}] (attribute '{name}').");
    }

    private static bool Bool(string name, JsonNode? value) =>
        value is JsonValue v && v.TryGetValue(out bool flag) ? flag : throw Invalid(name, value);

    private static int NonNegative(string name, JsonNode? value) =>
        value is JsonValue v && v.TryGetValue(out int number) && number >= 0 ? number : throw Invalid(name, value);

    private static IReadOnlyList<string> Tags(JsonNode? value)
    {
        if (value is not JsonArray array)
        {
            throw Invalid("tags", value);
        }

        var tags = new List<string>();
        foreach (var item in array)
        {
            var tag = item is JsonValue v && v.TryGetValue(out string? text) && text.Length is > 0 and <= 255 ? text : throw Invalid("tags", value);
            if (!tags.Contains(tag, StringComparer.Ordinal))
            {
                tags.Add(tag);
            }
        }

        return tags;
    }

    private static BadRequestException Invalid(string name, JsonNode? value) =>
        new($"Provided object does not match schema 'image': {value?.ToJsonString() ?? "None"} is not valid for '{name}'.");
}
