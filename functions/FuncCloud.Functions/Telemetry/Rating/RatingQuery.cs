using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Functions.Telemetry.Services;
using FuncCloud.Shared.OpenStack.Validation;
using FuncCloud.Shared.Security;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Telemetry.Rating;

/// <summary>
/// The query of <c>GET /metric/v1/rating/report</c>: <c>project_id</c> (default the token's project), <c>start</c>
/// (default the first of this month, UTC) and <c>end</c> (default now) as gnocchi timestamps, and <c>format</c>
/// (<c>json</c> or <c>csv</c>; without it an <c>Accept: text/csv</c> header asks for CSV).
/// </summary>
public sealed record RatingQuery(string ProjectId, DateTimeOffset Start, DateTimeOffset End, bool Csv)
{
    private static readonly string[] Known = ["project_id", "start", "end", "format"];

    /// <summary>Reads and validates the query.</summary>
    /// <exception cref="TelemetryBadRequestException">An unknown parameter or format, a bad timestamp, start not before end, no project.</exception>
    public static RatingQuery Parse(HttpRequest request, RequestContext caller, DateTimeOffset now)
    {
        foreach (var name in request.Query.Keys.Where(k => !Known.Contains(k, StringComparer.Ordinal)))
        {
            throw new TelemetryBadRequestException($"Invalid input: extra keys not allowed @ data['{name}']");
        }

        var projectId = QueryParameters.Raw(request, "project_id") is { Length: > 0 } asked ? asked
            : caller.ProjectId ?? throw new TelemetryBadRequestException("Invalid input: `project_id' is required for a token without a project");
        var end = QueryParameters.Raw(request, "end") is { Length: > 0 } e ? TelemetryTime.Parse(e, "end") : now;
        var start = QueryParameters.Raw(request, "start") is { Length: > 0 } s ? TelemetryTime.Parse(s, "start") : new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        if (start >= end)
        {
            throw new TelemetryBadRequestException("Invalid input: `start' must be before `end'");
        }

        var csv = QueryParameters.Raw(request, "format") switch
        {
            null or "" => request.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase)),
            "csv" => true,
            "json" => false,
            var other => throw new TelemetryBadRequestException($"Invalid input: `format' must be json or csv, not {other}"),
        };
        return new RatingQuery(projectId, start, end, csv);
    }
}
