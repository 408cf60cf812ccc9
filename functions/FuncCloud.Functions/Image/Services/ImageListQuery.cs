using System.Globalization;
using FuncCloud.Shared.Image;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Image.Services;

/// <summary>A sort key and direction.</summary>
public sealed record ImageSort(string Key, bool Descending);

/// <summary>
/// The query of <c>GET /v2/images</c>: filters, sort (<c>sort_key</c>/<c>sort_dir</c> or <c>sort=k:dir</c>),
/// <c>limit</c>/<c>marker</c>. Unknown parameters filter on additional properties, as in Glance.
/// </summary>
public sealed record ImageListQuery(
    IReadOnlyDictionary<string, string> Filters,
    IReadOnlyList<string> Tags,
    string? Visibility,
    string MemberStatus,
    long? SizeMin,
    long? SizeMax,
    bool? Protected,
    bool? OsHidden,
    IReadOnlyList<ImageSort> Sort,
    int Limit,
    string? Marker,
    IReadOnlyList<KeyValuePair<string, string>> Raw)
{
    private static readonly HashSet<string> SortKeys =
    [
        "name", "status", "container_format", "disk_format", "size", "id", "created_at", "updated_at",
        "visibility", "owner", "min_disk", "min_ram", "virtual_size", "protected", "os_hidden",
    ];

    private static readonly HashSet<string> Reserved =
    [
        "limit", "marker", "sort", "sort_key", "sort_dir", "tag", "visibility", "member_status", "size_min", "size_max",
        "protected", "os_hidden",
    ];

    /// <summary>Parses <paramref name="query"/>.</summary>
    /// <exception cref="BadRequestException">A parameter is invalid.</exception>
    public static ImageListQuery Parse(IQueryCollection query, ImageOptions options)
    {
        var raw = query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? string.Empty))).ToList();
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in query)
        {
            if (!Reserved.Contains(key))
            {
                filters[key] = value.ToString();
                if (ImageTimeFilter.Keys.Contains(key))
                {
                    ImageTimeFilter.Parse(key, filters[key]);
                }
            }
        }

        var visibility = Single(query, "visibility");
        if (visibility is not null && visibility != "all" && !ImageVisibility.All.Contains(visibility))
        {
            throw new BadRequestException($"Invalid visibility value: {visibility}");
        }

        var memberStatus = Single(query, "member_status") ?? Shared.Image.MemberStatus.Accepted;
        if (memberStatus != "all" && !Shared.Image.MemberStatus.All.Contains(memberStatus))
        {
            throw new BadRequestException($"Invalid status value: {memberStatus}");
        }

        var limit = Single(query, "limit") is { } limitText
            ? int.TryParse(limitText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                ? parsed >= 0 ? parsed : throw new BadRequestException("limit param must be positive")
                : throw new BadRequestException("limit param must be an integer")
            : options.LimitParamDefault;
        return new ImageListQuery(
            filters,
            query["tag"].Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToList(),
            visibility,
            memberStatus,
            Long(query, "size_min"),
            Long(query, "size_max"),
            Bool(query, "protected"),
            Bool(query, "os_hidden"),
            ParseSort(query),
            Math.Min(limit, options.ApiLimitMax),
            Single(query, "marker"),
            raw);
    }

    private static IReadOnlyList<ImageSort> ParseSort(IQueryCollection query)
    {
        var sorts = new List<ImageSort>();
        if (Single(query, "sort") is { } sort)
        {
            if (query.ContainsKey("sort_key") || query.ContainsKey("sort_dir"))
            {
                throw new BadRequestException("The 'sort' parameter cannot be combined with 'sort_key' or 'sort_dir'.");
            }

            foreach (var part in sort.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var pieces = part.Split(':', 2);
                sorts.Add(new ImageSort(Key(pieces[0]), pieces.Length == 2 && Direction(pieces[1])));
            }
        }
        else
        {
            var keys = query["sort_key"].SelectMany(k => (k ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
            var dirs = query["sort_dir"].SelectMany(d => (d ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
            if (dirs.Count > 1 && dirs.Count != keys.Count)
            {
                throw new BadRequestException("Number of sort dirs does not match the number of sort keys");
            }

            for (var i = 0; i < keys.Count; i++)
            {
                sorts.Add(new ImageSort(Key(keys[i]), Direction(dirs.Count == 0 ? "desc" : dirs[Math.Min(i, dirs.Count - 1)])));
            }

            if (keys.Count == 0)
            {
                sorts.Add(new ImageSort("created_at", dirs.Count == 0 || Direction(dirs[0])));
            }
        }

        // The id breaks ties, so pages are stable and markers unambiguous.
        if (!sorts.Any(s => s.Key == "id"))
        {
            sorts.Add(new ImageSort("id", sorts[^1].Descending));
        }

        return sorts;
    }

    private static string Key(string key) => SortKeys.Contains(key) ? key : throw new BadRequestException($"Invalid sort key: {key}. It is not in the allowed keys.");

    private static bool Direction(string dir) => dir switch
    {
        "asc" => false,
        "desc" => true,
        _ => throw new BadRequestException($"Invalid sort direction: {dir}"),
    };

    private static string? Single(IQueryCollection query, string name) => query.TryGetValue(name, out var values) ? values.ToString() : null;

    private static long? Long(IQueryCollection query, string name) =>
        Single(query, name) is { } text
            ? long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new BadRequestException($"{name} filter must be a non-negative integer")
            : null;

    private static bool? Bool(IQueryCollection query, string name) => Single(query, name) switch
    {
        null => null,
        "true" or "True" => true,
        "false" or "False" => false,
        var other => throw new BadRequestException($"Invalid value for {name}: {other}"),
    };
}
