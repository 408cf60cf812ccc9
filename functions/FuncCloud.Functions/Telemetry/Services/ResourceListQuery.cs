using System.Text.Json.Nodes;
using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Shared.OpenStack.Validation;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Telemetry.Services;

/// <summary>
/// Gnocchi's list parameters: <c>limit</c>, <c>marker</c> (a resource id), <c>sort</c> (<c>key[:asc|desc]</c>,
/// repeatable; default <c>revision_start:asc,started_at:asc</c> then id), <c>details</c>.
/// </summary>
public sealed record ResourceListQuery(int? Limit, string? Marker, IReadOnlyList<(string Key, bool Descending)> Sorts, bool Details)
{
    /// <summary>Parses the query string.</summary>
    public static ResourceListQuery Parse(HttpRequest request)
    {
        var sorts = new List<(string, bool)>();
        foreach (var sort in request.Query["sort"])
        {
            var parts = (sort ?? string.Empty).Split(':');
            var direction = parts.Length > 1 ? parts[1].Split('-')[0] : "asc";
            if (parts[0].Length == 0 || direction is not ("asc" or "desc"))
            {
                throw new TelemetryBadRequestException($"Invalid sort: {sort}");
            }

            sorts.Add((parts[0], direction == "desc"));
        }

        if (sorts.Count == 0)
        {
            sorts.AddRange([("revision_start", false), ("started_at", false)]);
        }

        sorts.Add(("id", false));
        return new ResourceListQuery(QueryParameters.Limit(request), QueryParameters.Marker(request), sorts, QueryParameters.Boolean(request, "details") ?? false);
    }

    /// <summary>Sorts resource bodies by the sort keys (missing values first, as SQL's NULLS FIRST on ascending).</summary>
    public IEnumerable<JsonObject> Sort(IEnumerable<JsonObject> rows)
    {
        IOrderedEnumerable<JsonObject>? ordered = null;
        foreach (var (key, descending) in Sorts)
        {
            string Value(JsonObject row) => row[key]?.ToString() ?? string.Empty;
            ordered = ordered is null
                ? descending ? rows.OrderByDescending(Value, StringComparer.Ordinal) : rows.OrderBy(Value, StringComparer.Ordinal)
                : descending ? ordered.ThenByDescending(Value, StringComparer.Ordinal) : ordered.ThenBy(Value, StringComparer.Ordinal);
        }

        return ordered ?? rows;
    }
}
