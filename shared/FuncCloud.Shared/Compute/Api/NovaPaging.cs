using System.Globalization;
using System.Text.Json.Nodes;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.OpenStack.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace FuncCloud.Shared.Compute.Api;

/// <summary>A page of a nova collection and the <c>next</c> link when the page is full.</summary>
public sealed record NovaPage<T>(IReadOnlyList<T> Items, JsonArray? Links);

/// <summary>
/// Nova's <c>limit</c>/<c>marker</c> pagination: the marker is the id of the last item seen (400 when it
/// is unknown), a full page carries a <c>{collection}_links</c> <c>next</c> link, and no page is larger than
/// <see cref="MaxLimit"/> (nova's <c>max_limit</c>).
/// </summary>
public static class NovaPaging
{
    /// <summary>The largest page (nova's default <c>[api] max_limit</c>).</summary>
    public const int MaxLimit = 1000;

    /// <summary>Pages <paramref name="items"/> (already filtered and sorted) by the request's limit and marker.</summary>
    /// <exception cref="BadRequestException">Bad limit, or the marker is not in the collection.</exception>
    public static NovaPage<T> Apply<T>(HttpRequest request, IReadOnlyList<T> items, Func<T, string> id, string collectionPath)
    {
        var limit = QueryParameters.Limit(request);
        var marker = QueryParameters.Marker(request);
        var start = 0;
        if (marker is not null)
        {
            var index = items.Select(id).ToList().IndexOf(marker);
            start = index >= 0 ? index + 1 : throw new BadRequestException($"marker [{marker}] not found");
        }

        var size = Math.Min(limit ?? MaxLimit, MaxLimit);
        var page = items.Skip(start).Take(size).ToList();
        var full = page.Count > 0 && page.Count == size && (limit is not null || start + page.Count < items.Count);
        return Of(request, page, full ? id(page[^1]) : null, size, collectionPath);
    }

    /// <summary>
    /// A page read from the store: <paramref name="nextMarker"/> (null: the last page) is the id the <c>next</c> link
    /// resumes after, <paramref name="size"/> the page size the link asks for.
    /// </summary>
    public static NovaPage<T> Of<T>(HttpRequest request, IReadOnlyList<T> items, string? nextMarker, int size, string collectionPath)
    {
        if (nextMarker is null)
        {
            return new NovaPage<T>(items, null);
        }

        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => q.Key is not "marker")
            .ToDictionary(q => q.Key, q => q.Value.ToString());
        query["limit"] = size.ToString(CultureInfo.InvariantCulture);
        query["marker"] = nextMarker;
        var href = QueryHelpers.AddQueryString($"{ComputeRoutes.V21Url(request)}/{collectionPath}", query!);
        return new NovaPage<T>(items, [new JsonObject { ["rel"] = "next", ["href"] = href }]);
    }

    /// <summary>The self and bookmark links of a resource (<c>/compute/v2.1/flavors/1</c>, <c>/compute/flavors/1</c>).</summary>
    public static JsonArray ResourceLinks(HttpRequest request, string path) =>
    [
        new JsonObject { ["rel"] = "self", ["href"] = $"{ComputeRoutes.V21Url(request)}/{path}" },
        new JsonObject { ["rel"] = "bookmark", ["href"] = $"{ComputeRoutes.RootUrl(request)}/{path}" },
    ];
}
