using System.Globalization;
using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.Volume.Api;

namespace FuncCloud.Functions.Volume.Api;

/// <summary>One page of a sorted list and the <c>*_links</c> next link when more follow.</summary>
public sealed record VolumePage<T>(IReadOnlyList<T> Items, int Total, string? Next);

/// <summary>
/// Cinder's list paging: <c>sort=key[:dir],…</c> (or <c>sort_key</c>/<c>sort_dir</c>), <c>marker</c> (404 when
/// unknown), <c>limit</c>, and <c>offset</c>; the default order is <c>created_at</c> then <c>id</c>, newest first.
/// </summary>
public static class VolumePaging
{
    /// <summary>Sorts and pages <paramref name="items"/>.</summary>
    public static VolumePage<T> Apply<T>(VolumeCall call, IEnumerable<T> items, Func<T, string> id, Func<T, string, IComparable?> key, IReadOnlySet<string> sortKeys, string collection)
    {
        var keys = SortKeys(call, sortKeys);
        IOrderedEnumerable<T>? ordered = null;
        foreach (var (name, descending) in keys)
        {
            Func<T, IComparable?> selector = item => key(item, name);
            ordered = ordered is null
                ? descending ? items.OrderByDescending(selector) : items.OrderBy(selector)
                : descending ? ordered.ThenByDescending(selector) : ordered.ThenBy(selector);
        }

        var list = (ordered ?? items.OrderBy(id, StringComparer.Ordinal)).ThenByDescending(id, StringComparer.Ordinal).ToList();
        var total = list.Count;
        var start = 0;
        if (call.Query("marker") is { Length: > 0 } marker)
        {
            var index = list.FindIndex(item => id(item) == marker);
            start = index >= 0 ? index + 1 : throw new VolumeMarkerNotFoundException(marker);
        }

        if (call.Query("offset") is { Length: > 0 } offsetText)
        {
            start += int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : throw new BadRequestException($"Invalid offset: {offsetText}");
        }

        int? limit = null;
        if (call.Query("limit") is { Length: > 0 } limitText)
        {
            limit = int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : throw new BadRequestException($"Invalid limit: {limitText}");
        }

        var page = list.Skip(start).Take(limit ?? int.MaxValue).ToList();
        string? next = null;
        // cinder links the next page whenever this one is full, even when no item follows (the next page is then
        // empty): clients walk the links until a page comes back short.
        if (limit is not null && page.Count > 0 && page.Count == limit)
        {
            var query = call.Request.Query.Where(q => q.Key != "marker").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}").Append($"marker={Uri.EscapeDataString(id(page[^1]))}");
            next = $"{call.ProjectUrl}/{collection}?{string.Join('&', query)}";
        }

        return new VolumePage<T>(page, total, next);
    }

    /// <summary>The list body: the items, the <c>{name}_links</c> next link, and <c>count</c> when asked (3.45+).</summary>
    public static JsonObject Render<T>(VolumeCall call, string name, VolumePage<T> page, Func<T, JsonObject> render)
    {
        var body = new JsonObject { [name] = new JsonArray([.. page.Items.Select(i => (JsonNode)render(i))]) };
        if (page.Next is { } next)
        {
            body[name + "_links"] = new JsonArray(new JsonObject { ["href"] = next, ["rel"] = "next" });
        }

        if (call.Version.IsAtLeast(45) && call.Query("with_count") is { } withCount && withCount.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            body["count"] = page.Total;
        }

        return body;
    }

    private static List<(string Key, bool Descending)> SortKeys(VolumeCall call, IReadOnlySet<string> allowed)
    {
        var specs = new List<(string, bool)>();
        if (call.Query("sort") is { Length: > 0 } sort)
        {
            foreach (var part in sort.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var pieces = part.Split(':', 2);
                specs.Add((pieces[0], Direction(pieces.Length > 1 ? pieces[1] : "desc")));
            }
        }
        else if (call.Query("sort_key") is { Length: > 0 } sortKey)
        {
            specs.Add((sortKey, Direction(call.Query("sort_dir") ?? "desc")));
        }

        if (specs.Count == 0)
        {
            specs.Add(("created_at", true));
        }

        foreach (var (key, _) in specs)
        {
            if (!allowed.Contains(key))
            {
                throw new BadRequestException($"Invalid sort key: {key}");
            }
        }

        return specs;
    }

    private static bool Direction(string text) => text.ToLowerInvariant() switch
    {
        "asc" => false,
        "desc" => true,
        _ => throw new BadRequestException($"Invalid sort direction: {text}"),
    };
}
