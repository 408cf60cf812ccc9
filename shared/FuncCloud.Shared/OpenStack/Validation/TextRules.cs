using System.Globalization;
using System.Text;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Shared.OpenStack.Validation;

/// <summary>
/// The rules for human-readable strings (names, metadata keys and values, tags), shared by every API:
/// no control characters (NUL included; nova's name pattern excludes the Cc category) and no bidirectional
/// formatting characters (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F), which make a name display as
/// something it is not.
/// </summary>
public static class TextRules
{
    /// <summary>The longest metadata key and value (nova's and glance's 255).</summary>
    public const int MaxMetadataLength = 255;

    /// <summary>Why <paramref name="text"/> is not acceptable display text, or null when it is.</summary>
    public static string? Problem(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return "control characters are not allowed";
            }

            if (IsBidiControl(c))
            {
                return "bidirectional formatting characters are not allowed";
            }
        }

        return null;
    }

    /// <summary>A name of 1 to <paramref name="maxLength"/> characters following the rules above.</summary>
    /// <exception cref="BadRequestException">Empty, too long, or with a forbidden character.</exception>
    public static string Name(string field, string value, int maxLength = 255)
    {
        if (value.Length == 0 || value.Length > maxLength)
        {
            throw Invalid(field, value, $"must be 1 to {maxLength} characters long");
        }

        return Problem(value) is { } problem ? throw Invalid(field, value, problem) : value;
    }

    /// <summary>One metadata pair (server/aggregate metadata, flavor extra specs, image properties).</summary>
    /// <exception cref="BadRequestException">Key empty or over 255, value over 255, or a forbidden character.</exception>
    public static void MetadataItem(string key, string value, string field = "metadata")
    {
        if (key.Length is 0 or > MaxMetadataLength || Problem(key) is not null)
        {
            throw Invalid(field, key, $"keys must be 1 to {MaxMetadataLength} characters without control or bidirectional formatting characters");
        }

        if (value.Length > MaxMetadataLength || Problem(value) is not null)
        {
            throw Invalid($"{field}.{Printable(key)}", value, $"values must be at most {MaxMetadataLength} characters without control or bidirectional formatting characters");
        }
    }

    /// <summary><paramref name="text"/> safe to echo in an error message: escaped and shortened.</summary>
    public static string Printable(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Length > 64 ? text[..64] : text)
        {
            builder.Append(char.IsControl(c) || IsBidiControl(c) ? $"\\u{(int)c:x4}" : c.ToString(CultureInfo.InvariantCulture));
        }

        return text.Length > 64 ? builder + "..." : builder.ToString();
    }

    private static bool IsBidiControl(char c) => c is '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static BadRequestException Invalid(string field, string value, string detail) =>
        new($"Invalid input for field/attribute {field}. Value: {Printable(value)}. {detail}.");
}
