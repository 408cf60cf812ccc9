using System.Globalization;
using NCrontab;

namespace FuncCloud.LocalHost.Timers;

/// <summary>
/// A <c>[TimerTrigger]</c> schedule: NCRONTAB with six fields (seconds first) or five, or a constant interval
/// written as a TimeSpan ("00:05:00"), the two forms the Functions timer accepts. Occurrences are computed in
/// UTC, the Functions default when WEBSITE_TIME_ZONE is not set (the local host does not read it).
/// </summary>
public sealed class TimerSchedule
{
    private readonly CrontabSchedule? _cron;
    private readonly TimeSpan _interval;

    private TimerSchedule(string expression, CrontabSchedule? cron, TimeSpan interval)
    {
        Expression = expression;
        _cron = cron;
        _interval = interval;
    }

    /// <summary>The expression as written (after <c>%Setting%</c> resolution).</summary>
    public string Expression { get; }

    /// <summary>Parses <paramref name="expression"/>; cron first, as Functions does, then TimeSpan.</summary>
    /// <exception cref="FormatException">It is neither.</exception>
    public static TimerSchedule Parse(string expression)
    {
        var fields = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is 5 or 6)
        {
            var cron = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
            if (cron is not null)
            {
                return new TimerSchedule(expression, cron, TimeSpan.Zero);
            }
        }

        if (fields == 1 && TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return new TimerSchedule(expression, null, interval);
        }

        throw new FormatException($"'{expression}' is neither an NCRONTAB expression (5 or 6 fields) nor a positive TimeSpan.");
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after) =>
        _cron is null
            ? after + _interval
            : new DateTimeOffset(_cron.GetNextOccurrence(after.UtcDateTime), TimeSpan.Zero);

    /// <inheritdoc />
    public override string ToString() => Expression;
}
