using System.Globalization;

namespace FuncCloud.Functions.ObjectStorage.Api;

/// <summary>Swift's time formats.</summary>
public static class SwiftTime
{
    /// <summary><c>X-Timestamp</c>: Unix seconds with five decimals.</summary>
    public static string Timestamp(DateTimeOffset when) =>
        (when.ToUnixTimeMilliseconds() / 1000.0).ToString("F5", CultureInfo.InvariantCulture);

    /// <summary><c>Last-Modified</c>: RFC 1123, rounded up to the second as swift does.</summary>
    public static string LastModified(DateTimeOffset when) => Ceiling(when).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The time rounded up to the second (what Last-Modified and conditional requests compare).</summary>
    public static DateTimeOffset Ceiling(DateTimeOffset when)
    {
        var seconds = when.ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds(when.ToUnixTimeMilliseconds() % 1000 == 0 ? seconds : seconds + 1);
    }

    /// <summary><c>last_modified</c> of listings: ISO 8601 with microseconds and no zone.</summary>
    public static string Listing(DateTimeOffset when) => when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
