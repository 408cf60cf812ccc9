using System.Globalization;
using FuncCloud.Shared.OpenStack.Errors;

namespace FuncCloud.Shared.Compute.Api;

/// <summary>
/// A compute API microversion (<c>2.x</c>). Nova's rules: absent header means the minimum (2.1),
/// <c>latest</c> means the maximum, anything else must be <c>Major.Minor</c> (400 otherwise) inside
/// [<see cref="Min"/>, <see cref="Max"/>] (406 otherwise).
/// </summary>
public sealed record ComputeApiVersion(int Major, int Minor) : IComparable<ComputeApiVersion>
{
    /// <summary>The oldest microversion served: 2.1.</summary>
    public static readonly ComputeApiVersion Min = new(2, 1);

    /// <summary>The newest microversion served (nova Train's 2.79).</summary>
    public static readonly ComputeApiVersion Max = new(2, 79);

    /// <summary>True when this version is at least <c>major.minor</c> (nova's <c>api_version_request.is_supported</c>).</summary>
    public bool IsAtLeast(int major, int minor) => CompareTo(new ComputeApiVersion(major, minor)) >= 0;

    /// <inheritdoc />
    public int CompareTo(ComputeApiVersion? other) =>
        other is null ? 1 : Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");

    /// <summary>
    /// Parses the requested version text (already extracted from the headers); null or empty means none
    /// was requested.
    /// </summary>
    /// <exception cref="BadRequestException">Not <c>Major.Minor</c> nor <c>latest</c>.</exception>
    /// <exception cref="ApiVersionNotSupportedException">Outside [<see cref="Min"/>, <see cref="Max"/>].</exception>
    public static ComputeApiVersion Parse(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return Min;
        }

        var text = requested.Trim();
        if (text.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            return Max;
        }

        var version = TryParseNumbers(text)
            ?? throw new BadRequestException($"API Version String {text} is of invalid format. Must be of format MajorNum.MinorNum.");
        return version.CompareTo(Min) >= 0 && version.CompareTo(Max) <= 0
            ? version
            : throw new ApiVersionNotSupportedException(text, Min, Max);
    }

    // Nova's regex: ^([1-9]\d*)\.([1-9]\d*|0)$ — no leading zeros, no signs, no spaces.
    private static ComputeApiVersion? TryParseNumbers(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == text.Length - 1)
        {
            return null;
        }

        var major = text[..dot];
        var minor = text[(dot + 1)..];
        if (!IsNumber(major, allowZero: false) || !IsNumber(minor, allowZero: true))
        {
            return null;
        }

        return int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(minor, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? new ComputeApiVersion(m, n)
            : null;
    }

    private static bool IsNumber(string part, bool allowZero) =>
        part.All(char.IsAsciiDigit) && (part[0] != '0' || (allowZero && part.Length == 1));
}
