using Azure.Data.Tables;

namespace FuncCloud.Shared.ObjectStorage;

/// <summary>
/// One hour of an account's stored bytes as a step function: the total before the hour's first change, then the
/// total after each change (changes within one minute coalesce into the minute's first step, with its last total).
/// </summary>
public sealed record AccountBytesHour(DateTimeOffset Hour, long StartBytes, IReadOnlyList<AccountBytesStep> Steps);

/// <summary>From <see cref="At"/> on, the account held <see cref="Bytes"/>.</summary>
public sealed record AccountBytesStep(DateTimeOffset At, long Bytes);

/// <summary>
/// Byte-hours for billing: every change of an account's total also rewrites the row of its hour (<c>u{inverted
/// hour}</c> in the account partition) in the same transaction as the account row, so the step function is exactly
/// as consistent as the totals. A row is written only in an hour with changes (at most 60 steps), and newest first
/// in key order, so a window reads its own hours plus one earlier row for the total at its start.
/// </summary>
public sealed partial class SwiftStore
{
    private const string UsagePrefix = "u";

    /// <summary>
    /// The GiB-hours <paramref name="account"/> stored in [<paramref name="start"/>, <paramref name="stop"/>]. Before
    /// the account's first recorded change (or before byte-hours were recorded at all) it counts as empty.
    /// </summary>
    public async Task<double> GibHoursAsync(string account, DateTimeOffset start, DateTimeOffset stop, CancellationToken cancellationToken)
    {
        var rows = new List<AccountBytesHour>();
        await foreach (var row in table.RangeAsync<AccountBytesHour>(AccountPartition(account), UsageRow(HourOf(stop)), true, UsagePrefix + "~", 100, cancellationToken))
        {
            rows.Add(row.Value);
            if (row.Value.Hour <= start)
            {
                break;
            }
        }

        var points = new List<AccountBytesStep>();
        foreach (var hour in Enumerable.Reverse(rows))
        {
            points.Add(new AccountBytesStep(hour.Hour, hour.StartBytes));
            points.AddRange(hour.Steps);
        }

        var byteHours = 0.0;
        for (var i = 0; i < points.Count; i++)
        {
            var from = points[i].At > start ? points[i].At : start;
            var to = i + 1 < points.Count && points[i + 1].At < stop ? points[i + 1].At : stop;
            if (to > from)
            {
                byteHours += points[i].Bytes * (to - from).TotalHours;
            }
        }

        return byteHours / (1024.0 * 1024 * 1024);
    }

    // The hour row's new value after the account's total went from bytesBefore to bytesAfter at `when`, or null.
    private async Task<TableTransactionAction?> UsageStepAsync(string partition, long bytesBefore, long bytesAfter, DateTimeOffset when, CancellationToken cancellationToken)
    {
        if (bytesBefore == bytesAfter)
        {
            return null;
        }

        var hour = HourOf(when);
        var row = await table.GetAsync<AccountBytesHour>(partition, UsageRow(hour), cancellationToken);
        var steps = (row?.Value.Steps ?? []).ToList();
        // Writers' clocks differ by milliseconds: the account row's swap orders the totals, so time never goes back.
        var at = steps.Count > 0 && steps[^1].At > when ? steps[^1].At : when;
        if (steps.Count > 0 && MinuteOf(steps[^1].At) == MinuteOf(at))
        {
            steps[^1] = steps[^1] with { Bytes = bytesAfter };
        }
        else
        {
            steps.Add(new AccountBytesStep(at, bytesAfter));
        }

        return table.Put(row, partition, UsageRow(hour), new AccountBytesHour(hour, row?.Value.StartBytes ?? bytesBefore, steps));
    }

    private static DateTimeOffset HourOf(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    private static long MinuteOf(DateTimeOffset time) => time.UtcTicks / TimeSpan.TicksPerMinute;

    // Newest first in key order: the row of an hour is "u" + the ticks left until the end of time.
    private static string UsageRow(DateTimeOffset hour) => UsagePrefix + (DateTime.MaxValue.Ticks - hour.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
