namespace FuncCloud.Shared.Rating;

/// <summary>The kinds of resource whose lifecycles <see cref="ResourceUsageIndex"/> records.</summary>
public static class UsageKinds
{
    /// <summary>A block storage volume (quantity: its size in GiB).</summary>
    public const string Volume = "volume";

    /// <summary>A floating IP (quantity: 1 while it is allocated).</summary>
    public const string FloatingIp = "floating_ip";
}

/// <summary>From <see cref="At"/> on, the resource counts <see cref="Quantity"/> units (a volume's GiB).</summary>
public sealed record UsageStep(DateTimeOffset At, double Quantity);

/// <summary>
/// A metered resource's lifecycle: when it started and ended, and its quantity as a step function (a volume's
/// size changes when it is extended). What a rating report reads.
/// </summary>
public sealed record ResourceUsageRecord(
    string Kind,
    string ResourceId,
    string ProjectId,
    string? Name,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<UsageStep> Steps)
{
    /// <summary>The quantity × hours inside [<paramref name="start"/>, <paramref name="stop"/>] (e.g. GiB-hours).</summary>
    public double QuantityHours(DateTimeOffset start, DateTimeOffset stop) =>
        Integrate(Steps, StartedAt, EndedAt, start, stop);

    /// <summary>The hours it existed inside [<paramref name="start"/>, <paramref name="stop"/>].</summary>
    public double Hours(DateTimeOffset start, DateTimeOffset stop) =>
        Integrate([new UsageStep(StartedAt, 1)], StartedAt, EndedAt, start, stop);

    /// <summary>The quantity in force at the end of the window (its size in a report).</summary>
    public double QuantityAt(DateTimeOffset time) => Steps.LastOrDefault(s => s.At <= time)?.Quantity ?? Steps.FirstOrDefault()?.Quantity ?? 0;

    private static double Integrate(IReadOnlyList<UsageStep> steps, DateTimeOffset started, DateTimeOffset? ended, DateTimeOffset start, DateTimeOffset stop)
    {
        var from = started > start ? started : start;
        var to = ended is { } end && end < stop ? end : stop;
        var total = 0.0;
        for (var i = 0; i < steps.Count; i++)
        {
            var a = steps[i].At > from ? steps[i].At : from;
            var b = i + 1 < steps.Count && steps[i + 1].At < to ? steps[i + 1].At : to;
            if (b > a)
            {
                total += steps[i].Quantity * (b - a).TotalHours;
            }
        }

        return total;
    }
}
