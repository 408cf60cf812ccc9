using System.Globalization;
using FuncCloud.Shared.Compute.Api;
using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.OpenStack.Validation;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Compute.Usage;

/// <summary>
/// The query of an <c>os-simple-tenant-usage</c> request as nova reads it: <c>start</c> / <c>end</c> in one of
/// nova's three naive UTC formats (absent or empty: now), <c>detailed=1</c>, and from 2.40 <c>limit</c> /
/// <c>marker</c>; from 2.75 any other parameter is a 400.
/// </summary>
public sealed record TenantUsageQuery(DateTimeOffset Start, DateTimeOffset End, bool Detailed, int Limit, string? Marker, bool Paged)
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF"];

    /// <summary>Reads and validates the query (<paramref name="list"/>: the all-projects form, which has <c>detailed</c>).</summary>
    /// <exception cref="BadRequestException">A bad date, start not before end, a bad limit/marker or (2.75+) an unknown parameter.</exception>
    public static TenantUsageQuery Parse(ComputeCall call, DateTimeOffset now, bool list)
    {
        var paged = call.Version.IsAtLeast(2, 40);
        if (call.Version.IsAtLeast(2, 75))
        {
            var known = list ? ["start", "end", "detailed", "limit", "marker"] : new[] { "start", "end", "limit", "marker" };
            foreach (var name in call.Request.Query.Keys.Where(k => !known.Contains(k)))
            {
                throw new BadRequestException($"Invalid input for query parameters {name}. Additional properties are not allowed ('{name}' was unexpected)");
            }
        }

        // Nova reads the clock once per absent value, so an absent end is a moment after an absent start (a 200
        // over an empty window, not the 400 of start == end).
        var start = Time(call.Request, "start", now);
        var end = Time(call.Request, "end", now.AddTicks(10));
        if (start >= end)
        {
            throw new BadRequestException("Invalid start time. The start time cannot occur after the end time.");
        }

        var detailed = QueryParameters.Raw(call.Request, "detailed") == "1";
        var limit = paged ? QueryParameters.Limit(call.Request) : null;
        var marker = paged ? QueryParameters.Marker(call.Request) : null;
        var size = limit is > 0 ? Math.Min(limit.Value, NovaPaging.MaxLimit) : NovaPaging.MaxLimit;
        return new TenantUsageQuery(start, end, detailed, size, marker, paged);
    }

    private static DateTimeOffset Time(HttpRequest request, string name, DateTimeOffset now)
    {
        var text = QueryParameters.Raw(request, name);
        if (string.IsNullOrEmpty(text))
        {
            return now;
        }

        return DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc))
            : throw new BadRequestException("Invalid datetime string: Datetime is in invalid format");
    }
}
