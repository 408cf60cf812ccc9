using FuncCloud.Shared.OpenStack.Errors;
using FuncCloud.Shared.OpenStack.Validation;

namespace FuncCloud.Functions.Image.Services;

/// <summary>
/// Glance's <c>created_at</c>/<c>updated_at</c> filters: <c>[op:]ISO-8601</c> with op one of gt, gte, lt,
/// lte, eq, neq (eq when absent). A bad operator or time is a 400, as in Glance.
/// </summary>
public sealed record ImageTimeFilter(string Operator, DateTimeOffset Time)
{
    /// <summary>The filterable time attributes.</summary>
    public static readonly IReadOnlySet<string> Keys = new HashSet<string>(StringComparer.Ordinal) { "created_at", "updated_at" };

    private static readonly string[] Operators = ["gt", "gte", "lt", "lte", "eq", "neq"];

    /// <summary>Parses the value of a time filter.</summary>
    /// <exception cref="BadRequestException">Unknown operator or not an ISO 8601 time.</exception>
    public static ImageTimeFilter Parse(string key, string value)
    {
        var parts = value.Split(':', 2);
        var (op, time) = parts.Length == 2 && Operators.Contains(parts[0]) ? (parts[0], parts[1]) : ("eq", value);
        return QueryParameters.ParseTimestamp(time) is { } when
            ? new ImageTimeFilter(op, when)
            : throw new BadRequestException($"Invalid filter value {TextRules.Printable(value)} for {key}: expected [gt|gte|lt|lte|eq|neq:]ISO 8601 time.");
    }

    /// <summary>Whether <paramref name="actual"/> passes the filter.</summary>
    public bool Accepts(DateTimeOffset? actual) => actual is { } a && Operator switch
    {
        "gt" => a > Time,
        "gte" => a >= Time,
        "lt" => a < Time,
        "lte" => a <= Time,
        "neq" => a != Time,
        _ => a == Time,
    };
}
