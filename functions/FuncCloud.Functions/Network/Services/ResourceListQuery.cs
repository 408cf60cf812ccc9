using System.Text.Json;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Network.Api;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Network.Services;

/// <summary>
/// Neutron's list semantics over visible documents: filters on any attribute (repeated values OR),
/// <c>tags</c>/<c>tags-any</c>/<c>not-tags</c>/<c>not-tags-any</c>, <c>sort_key</c>/<c>sort_dir</c>,
/// <c>limit</c>/<c>marker</c>/<c>page_reverse</c> with <c>{collection}_links</c>, and <c>fields=</c>.
/// An unknown filter attribute is a 400 (neutron's filter-validation).
/// </summary>
public static class ResourceListQuery
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "fields", "limit", "marker", "sort_key", "sort_dir", "page_reverse", "tags", "tags-any", "not-tags", "not-tags-any",
    };

    /// <summary>The page body for <paramref name="documents"/> (already rendered for the caller).</summary>
    public static JsonObject Page(ResourceKind kind, IEnumerable<JsonObject> documents, IQueryCollection query, string collectionUrl)
    {
        var filtered = documents.Where(d => Matches(kind, d, query)).ToList();
        var sorted = Sort(kind, filtered, query);
        var reverse = query.TryGetValue("page_reverse", out var pr) && bool.TryParse(pr, out var r) && r;
        if (reverse)
        {
            sorted.Reverse();
        }

        var limit = Limit(query);
        var marker = query["marker"].ToString();
        var start = 0;
        if (!string.IsNullOrEmpty(marker))
        {
            var index = sorted.FindIndex(d => d.Id() == marker);
            start = index >= 0 ? index + 1 : throw kind.NotFound(marker);
        }

        var page = sorted.Skip(start).Take(limit ?? int.MaxValue).ToList();
        var more = limit is not null && start + page.Count < sorted.Count;
        if (reverse)
        {
            page.Reverse();
        }

        var fields = Fields(query);
        var body = new JsonObject { [kind.Collection] = new JsonArray(page.Select(d => (JsonNode?)Project(d, fields)).ToArray()) };
        if (limit is not null)
        {
            var links = new JsonArray();
            if (more && page.Count > 0)
            {
                links.Add(Link("next", collectionUrl, query, reverse ? page[0].Id() : page[^1].Id(), reverse));
            }

            if (!string.IsNullOrEmpty(marker) && page.Count > 0)
            {
                links.Add(Link("previous", collectionUrl, query, reverse ? page[^1].Id() : page[0].Id(), !reverse));
            }

            body[kind.Collection + "_links"] = links;
        }

        return body;
    }

    /// <summary>The requested <c>fields</c>, or null for all.</summary>
    public static IReadOnlyList<string>? Fields(IQueryCollection query) =>
        query.TryGetValue("fields", out var fields) && fields.Count > 0 ? fields.Where(f => !string.IsNullOrEmpty(f)).Select(f => f!).ToList() : null;

    /// <summary>The document reduced to <paramref name="fields"/> (all when null).</summary>
    public static JsonObject Project(JsonObject doc, IReadOnlyList<string>? fields)
    {
        if (fields is null)
        {
            return doc;
        }

        var projected = new JsonObject();
        foreach (var field in fields)
        {
            if (doc.TryGetPropertyValue(field, out var value) && !projected.ContainsKey(field))
            {
                projected[field] = value?.DeepClone();
            }
        }

        return projected;
    }

    private static int? Limit(IQueryCollection query)
    {
        if (!query.TryGetValue("limit", out var text) || string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, out var limit) && limit >= 0
            ? (limit == 0 ? null : limit)
            : throw NeutronException.BadRequest($"Limit must be an integer 0 or greater and not '{text}'", "HTTPBadRequest");
    }

    private static JsonObject Link(string rel, string url, IQueryCollection query, string marker, bool reverse)
    {
        var parts = query.Where(q => q.Key is not ("marker" or "page_reverse"))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"))
            .Append("marker=" + Uri.EscapeDataString(marker));
        if (reverse)
        {
            parts = parts.Append("page_reverse=True");
        }

        return new JsonObject { ["href"] = url + "?" + string.Join('&', parts), ["rel"] = rel };
    }

    private static List<JsonObject> Sort(ResourceKind kind, List<JsonObject> documents, IQueryCollection query)
    {
        var keys = query["sort_key"].Where(k => !string.IsNullOrEmpty(k)).Select(k => k!).ToList();
        var dirs = query["sort_dir"].Select(d => d ?? "asc").ToList();
        foreach (var key in keys)
        {
            if (!kind.Attributes.Contains(key))
            {
                throw NeutronException.BadRequest($"{key} is an invalid attribute for sort_keys", "HTTPBadRequest");
            }
        }

        if (dirs.Any(d => d is not ("asc" or "desc")))
        {
            throw NeutronException.BadRequest("Sort direction must be 'asc' or 'desc'", "HTTPBadRequest");
        }

        if (keys.Count == 0)
        {
            keys.Add("id");
        }

        IOrderedEnumerable<JsonObject>? ordered = null;
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var descending = i < dirs.Count && dirs[i] == "desc";
            Func<JsonObject, string> selector = d => SortValue(d[key]);
            ordered = ordered is null
                ? (descending ? documents.OrderByDescending(selector, StringComparer.Ordinal) : documents.OrderBy(selector, StringComparer.Ordinal))
                : (descending ? ordered.ThenByDescending(selector, StringComparer.Ordinal) : ordered.ThenBy(selector, StringComparer.Ordinal));
        }

        // The id breaks ties so that markers are stable.
        return ordered!.ThenBy(d => d.Id(), StringComparer.Ordinal).ToList();
    }

    private static string SortValue(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture).ToString("000000000000000.000", System.Globalization.CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => node.ToJsonString(),
    };

    private static bool Matches(ResourceKind kind, JsonObject doc, IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (Reserved.Contains(name))
            {
                continue;
            }

            if (!kind.Attributes.Contains(name))
            {
                throw NeutronException.BadRequest($"['{name}'] is invalid attribute for filtering", "HTTPBadRequest");
            }

            if (!values.Any(v => MatchesValue(name, doc[name], v ?? string.Empty)))
            {
                return false;
            }
        }

        var tags = doc.Strings("tags") ?? [];
        return TagFilter(query, "tags", set => set.All(tags.Contains))
            && TagFilter(query, "tags-any", set => set.Any(tags.Contains))
            && TagFilter(query, "not-tags", set => !set.All(tags.Contains))
            && TagFilter(query, "not-tags-any", set => !set.Any(tags.Contains));
    }

    private static bool TagFilter(IQueryCollection query, string name, Func<List<string>, bool> test)
    {
        var set = query[name].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
        return set.Count == 0 || test(set);
    }

    private static bool MatchesValue(string name, JsonNode? actual, string wanted)
    {
        switch (actual)
        {
            case null:
                return wanted is "" or "None" or "null";
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return bool.TryParse(wanted, out var b) ? b == v.GetValue<bool>() : throw NeutronException.BadRequest($"'{wanted}' is not a valid boolean for filter '{name}'", "HTTPBadRequest");
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                return v.ToJsonString() == wanted;
            case JsonValue v when v.TryGetValue(out string? s):
                return string.Equals(s, wanted, StringComparison.Ordinal);
            case JsonArray array when name == "fixed_ips":
                var (key, value) = wanted.Split('=', 2) is [var k, var val] ? (k, val) : ("ip_address", wanted);
                return array.OfType<JsonObject>().Any(ip => ip.Str(key) == value);
            case JsonArray array:
                return array.Any(item => item is JsonValue iv && iv.TryGetValue(out string? s) && s == wanted);
            default:
                return false;
        }
    }
}
