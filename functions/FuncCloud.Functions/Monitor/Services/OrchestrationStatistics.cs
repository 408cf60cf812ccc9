using System.Globalization;
using FuncCloud.Functions.Monitor.Api;
using FuncCloud.Shared.OpenStack.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace FuncCloud.Functions.Monitor.Services;

/// <summary>
/// The overview: counts per status and per orchestrator, a histogram of starts / completions / failures,
/// the slowest and the recently failed workflows, over instances created in a time range (default: the last
/// 24 hours; at most <see cref="MonitorOptions.ScanLimit"/> instances are read).
/// </summary>
public sealed class OrchestrationStatistics(OrchestrationLister lister, TimeProvider time)
{
    private const int TopCount = 8;

    public async Task<OrchestrationStats> GetAsync(DurableTaskClient durable, IQueryCollection query, CancellationToken cancellationToken)
    {
        var to = Time(query, "to") ?? time.GetUtcNow();
        var from = Time(query, "from") ?? to.AddHours(-24);
        if (from >= to)
        {
            throw new BadRequestException("from must be before to.");
        }

        var buckets = query.TryGetValue("buckets", out var b) && b.ToString() is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 500 ? n : throw new BadRequestException("buckets must be 1 to 500.")
            : 48;
        var filter = new OrchestrationFilter(null, null, null, from, to, null, null, null, false, null, true, 1, null);
        var (rows, truncated, _) = await lister.ScanAsync(durable, filter, cancellationToken);

        var width = (to - from) / buckets;
        var histogram = Enumerable.Range(0, buckets).Select(i => (Start: from + (width * i), Started: 0, Completed: 0, Failed: 0)).ToArray();
        foreach (var row in rows)
        {
            Count(histogram, from, width, row.CreatedAt, h => h with { Started = h.Started + 1 });
            if (row.DurationSeconds is not null)
            {
                Count(histogram, from, width, row.LastUpdatedAt, h => OrchestrationViews.IsFailed(row) ? h with { Failed = h.Failed + 1 } : h with { Completed = h.Completed + 1 });
            }
        }

        return new OrchestrationStats(
            from,
            to,
            rows.Count,
            truncated,
            rows.GroupBy(r => r.RuntimeStatus).ToDictionary(g => g.Key, g => g.Count()),
            rows.GroupBy(r => r.Name).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count()),
            [.. histogram.Select(h => new HistogramBucket(h.Start, h.Started, h.Completed, h.Failed))],
            [.. rows.Where(r => r.DurationSeconds is not null).OrderByDescending(r => r.DurationSeconds).Take(TopCount)],
            [.. rows.Where(OrchestrationViews.IsFailed).OrderByDescending(r => r.LastUpdatedAt).Take(TopCount)]);
    }

    private static void Count<T>(T[] histogram, DateTimeOffset from, TimeSpan width, DateTimeOffset at, Func<T, T> add)
    {
        var index = (int)Math.Floor((at - from) / width);
        if (index >= 0 && index < histogram.Length)
        {
            histogram[index] = add(histogram[index]);
        }
    }

    private static DateTimeOffset? Time(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var v) && v.ToString() is { Length: > 0 } s
            ? DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
                ? t
                : throw new BadRequestException($"Invalid {name} '{s}': expected an ISO 8601 time.")
            : null;
}
