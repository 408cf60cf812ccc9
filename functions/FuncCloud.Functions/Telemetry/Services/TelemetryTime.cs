using System.Globalization;
using System.Text.Json.Nodes;
using FuncCloud.Functions.Telemetry.Api;

namespace FuncCloud.Functions.Telemetry.Services;

/// <summary>Timestamps and timespans on gnocchi's wire.</summary>
public static class TelemetryTime
{
    /// <summary>Gnocchi's timestamp form: <c>2026-12-02T10:00:00+00:00</c> (microseconds when present).</summary>
    public static string Format(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        return utc.ToString(fraction == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00:00";
    }

    /// <summary>Python's <c>str(timedelta)</c>: <c>0:05:00</c>, <c>1 day, 0:00:00</c>, <c>30 days, 0:00:00</c>.</summary>
    public static string Timespan(TimeSpan value)
    {
        var clock = string.Create(CultureInfo.InvariantCulture, $"{value.Hours}:{value.Minutes:D2}:{value.Seconds:D2}");
        return value.Days switch
        {
            0 => clock,
            1 => "1 day, " + clock,
            _ => string.Create(CultureInfo.InvariantCulture, $"{value.Days} days, {clock}"),
        };
    }

    /// <summary>
    /// A timestamp as gnocchi accepts it: ISO 8601 (naive means UTC), or a number of seconds since the epoch.
    /// </summary>
    /// <exception cref="TelemetryBadRequestException">Neither.</exception>
    public static DateTimeOffset Parse(string value, string name)
    {
        // Epoch seconds from 1970 to year 5138; earlier instants are not measures anyone sends.
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and < 1e11)
        {
            return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
        {
            return timestamp;
        }

        throw new TelemetryBadRequestException($"Unable to parse `{name}': Unable to parse timestamp {value}");
    }

    /// <summary>A timestamp from a JSON value (string or number).</summary>
    public static DateTimeOffset Parse(JsonNode? node, string name) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => Parse(s, name),
        JsonValue v when v.TryGetValue<double>(out var d) => Parse(d.ToString("R", CultureInfo.InvariantCulture), name),
        _ => throw new TelemetryBadRequestException($"Invalid input: `{name}' must be a timestamp"),
    };

    /// <summary>A granularity in seconds (gnocchi also takes <c>5min</c>-style spans; seconds only here).</summary>
    public static TimeSpan ParseGranularity(string value)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0.001 and < 1e9)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        throw new TelemetryBadRequestException($"Unable to parse `granularity': Invalid granularity {value}");
    }
}
