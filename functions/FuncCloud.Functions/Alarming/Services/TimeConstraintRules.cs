using FuncCloud.Shared.Alarming;
using NCrontab;

namespace FuncCloud.Functions.Alarming.Services;

/// <summary>
/// Time constraints as aodh reads them: the alarm is evaluated only while <c>now</c> lies within
/// <c>duration</c> seconds after the latest occurrence of the <c>start</c> cron, in <c>timezone</c>.
/// No constraints means always.
/// </summary>
public static class TimeConstraintRules
{
    /// <summary>The cron of <paramref name="start"/> (five fields, croniter's form), or null when it does not parse.</summary>
    public static CrontabSchedule? Parse(string start) =>
        CrontabSchedule.TryParse(start, new CrontabSchedule.ParseOptions { IncludingSeconds = false });

    /// <summary>The time zone of <paramref name="timezone"/> (IANA name; empty is UTC), or null when unknown.</summary>
    public static TimeZoneInfo? Zone(string timezone)
    {
        if (string.IsNullOrEmpty(timezone))
        {
            return TimeZoneInfo.Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(timezone, out var zone) ? zone : null;
    }

    /// <summary>True when <paramref name="now"/> is inside one of the alarm's windows (or it has none).</summary>
    public static bool IsWithin(IReadOnlyList<AlarmTimeConstraint> constraints, DateTimeOffset now)
    {
        if (constraints.Count == 0)
        {
            return true;
        }

        foreach (var constraint in constraints)
        {
            if (Parse(constraint.Start) is not { } cron || Zone(constraint.Timezone) is not { } zone)
            {
                continue;
            }

            // The latest start at or before now: the first occurrence after (now - duration - 1 min) that is <= now.
            var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
            var from = local.AddSeconds(-constraint.Duration).AddMinutes(-1);
            foreach (var start in cron.GetNextOccurrences(from, local.AddTicks(1)))
            {
                if (start <= local && local <= start.AddSeconds(constraint.Duration))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
