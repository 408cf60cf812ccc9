using FuncCloud.Functions.Telemetry.Api;
using FuncCloud.Shared.OpenStack.Validation;
using FuncCloud.Shared.Telemetry;
using Microsoft.AspNetCore.Http;

namespace FuncCloud.Functions.Telemetry.Services;

/// <summary>
/// The query of <c>GET .../measures</c>: <c>aggregation</c> (default <c>mean</c>), <c>granularity</c>,
/// <c>start</c>, <c>stop</c>, <c>resample</c>; <c>refresh</c> is accepted and changes nothing (measures are
/// aggregated when written, there is no backlog to process).
/// </summary>
public sealed record MeasuresQuery(string Aggregation, TimeSpan? Granularity, DateTimeOffset? Start, DateTimeOffset? Stop, TimeSpan? Resample)
{
    /// <summary>Parses the query string.</summary>
    public static MeasuresQuery Parse(HttpRequest request)
    {
        var query = request.Query;
        var aggregation = query["aggregation"].LastOrDefault() ?? "mean";
        if (!AggregationMethods.Supported.Contains(aggregation))
        {
            throw new GnocchiCauseException("Argument value error", new System.Text.Json.Nodes.JsonArray("aggregation"), $"Invalid aggregation value {aggregation}, must be one of {string.Join(", ", AggregationMethods.Supported.Order(StringComparer.Ordinal))}");
        }

        if (query.ContainsKey("refresh"))
        {
            _ = QueryParameters.Boolean(request, "refresh");
        }

        var granularity = query["granularity"].LastOrDefault() is { } g ? TelemetryTime.ParseGranularity(g) : (TimeSpan?)null;
        var resample = query["resample"].LastOrDefault() is { } r ? TelemetryTime.ParseGranularity(r) : (TimeSpan?)null;
        if (resample is not null && granularity is null)
        {
            throw new TelemetryBadRequestException("A granularity must be specified to resample");
        }

        return new MeasuresQuery(
            aggregation,
            granularity,
            query["start"].LastOrDefault() is { } start ? TelemetryTime.Parse(start, "start") : null,
            query["stop"].LastOrDefault() is { } stop ? TelemetryTime.Parse(stop, "stop") : null,
            resample);
    }
}
