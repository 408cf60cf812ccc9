using System.Globalization;
using System.Text.RegularExpressions;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Shared.OpenStack.Validation;

/// <summary>
/// One validator per kind of query parameter, shared by every API: a value that is given but not of its
/// kind is a 400 naming the parameter (as nova's and glance's query schemas answer), never silently
/// ignored. Absent parameters are null.
/// </summary>
public static partial class QueryParameters
{
    /// <summary>The raw value of <paramref name="name"/> (the first when repeated), or null when absent.</summary>
    public static string? Raw(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) ? (values.Count > 0 ? values[0] : null) ?? string.Empty : null;

    /// <summary>A non-negative integer (<c>limit</c>, <c>offset</c>): nova's <c>^[0-9]*$</c>; empty is absent.</summary>
    /// <exception cref="BadRequestException">Not a non-negative integer, or larger than an int.</exception>
    public static int? NonNegativeInt(HttpRequest request, string name)
    {
        var text = Raw(request, name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(name, text, "must be a non-negative integer");
    }

    /// <summary>The page size <c>limit</c>.</summary>
    public static int? Limit(HttpRequest request) => NonNegativeInt(request, "limit");

    /// <summary>The <c>marker</c>: the id of the last item seen; non-empty text without control characters.</summary>
    public static string? Marker(HttpRequest request)
    {
        var text = Raw(request, "marker");
        if (text is null)
        {
            return null;
        }

        return text.Length > 0 && TextRules.Problem(text) is null && text.Length <= 255
            ? text
            : throw Invalid("marker", text, "must be the id of an item of the collection");
    }

    /// <summary>
    /// The <c>sort_dir</c> (<c>asc</c>/<c>desc</c>; <paramref name="defaultDescending"/> when absent).
    /// </summary>
    public static bool SortDescending(HttpRequest request, bool defaultDescending = true) => Raw(request, "sort_dir") switch
    {
        null or "" => defaultDescending,
        var d when d.Equals("asc", StringComparison.OrdinalIgnoreCase) => false,
        var d when d.Equals("desc", StringComparison.OrdinalIgnoreCase) => true,
        var other => throw Invalid("sort_dir", other, "Unknown sort direction, must be 'desc' or 'asc'"),
    };

    /// <summary>The <c>sort_key</c>, which must be one of <paramref name="keys"/> (null when absent).</summary>
    public static string? SortKey(HttpRequest request, IReadOnlyCollection<string> keys) => Raw(request, "sort_key") switch
    {
        null or "" => null,
        var key when keys.Contains(key) => key,
        var other => throw Invalid("sort_key", other, $"must be one of {string.Join(", ", keys)}"),
    };

    /// <summary>
    /// A boolean, with oslo's strict <c>bool_from_string</c> words (<c>1/0, t/f, true/false, on/off, y/n,
    /// yes/no</c>). A parameter given without a value means <paramref name="whenEmpty"/> (nova's
    /// <c>?all_tenants</c> is true).
    /// </summary>
    public static bool? Boolean(HttpRequest request, string name, bool? whenEmpty = null)
    {
        var text = Raw(request, name);
        if (text is null)
        {
            return null;
        }

        if (text.Length == 0)
        {
            return whenEmpty;
        }

        return ParseBoolean(text) ?? throw Invalid(name, text, "must be a boolean (true/false, 1/0, yes/no, on/off)");
    }

    /// <summary>oslo's strict boolean words; null when <paramref name="text"/> is not one.</summary>
    public static bool? ParseBoolean(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "1" or "t" or "true" or "on" or "y" or "yes" => true,
        "0" or "f" or "false" or "off" or "n" or "no" => false,
        _ => null,
    };

    /// <summary>An ISO 8601 timestamp (<c>changes-since</c>), UTC unless it carries an offset.</summary>
    public static DateTimeOffset? Timestamp(HttpRequest request, string name)
    {
        var text = Raw(request, name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return ParseTimestamp(text) ?? throw Invalid(name, text, "must be an ISO 8601 timestamp, e.g. 2026-12-01T10:00:00Z");
    }

    /// <summary>Parses an ISO 8601 date or date-time; null when <paramref name="text"/> is not one.</summary>
    public static DateTimeOffset? ParseTimestamp(string text) =>
        Iso8601().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? when.ToUniversalTime()
            : null;

    /// <summary>The 400 for a query parameter, in nova's wording.</summary>
    public static BadRequestException Invalid(string name, string value, string detail) =>
        new($"Invalid input for query parameters {name}. Value: {TextRules.Printable(value)}. {detail}.".Replace("..", ".", StringComparison.Ordinal));

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso8601();
}
